import { createTransport } from "nodemailer";
import { describe, expect, it } from "vitest";
import { outbox } from "@/db/schema";
import { createTestDb } from "../test/harness";
import { sendOutbox } from "./outbox.queries";

const T = Date.UTC(2026, 0, 5, 9);

function queue(db: ReturnType<typeof createTestDb>, to: string, subject: string, at: number) {
  db.insert(outbox)
    .values({ to, subject, body: `Body of ${subject}`, createdAt: at })
    .run();
}

describe("sending the outbox", () => {
  it("hands every waiting message to the mail transport, oldest first, and marks it sent", async () => {
    const db = createTestDb();
    queue(db, "later@example.test", "Second", T + 1);
    queue(db, "robin@example.test", "We have your complaint C-AB12-CD34", T);
    // nodemailer's JSON transport builds the real message without a network.
    const json = createTransport({ jsonTransport: true });
    const messages: Array<{
      to: { address: string }[];
      subject: string;
      text: string;
      from: { address: string };
    }> = [];
    const transport = {
      sendMail: async (m: { from: string; to: string; subject: string; text: string }) => {
        const info = (await json.sendMail(m)) as { message: string };
        messages.push(JSON.parse(info.message));
        return info;
      },
    };
    const result = await sendOutbox(db, transport, {
      from: "Service <service@example.test>",
      now: () => T + 60_000,
    });
    expect(result).toEqual({ sent: 2, failed: 0 });
    expect(messages.map((m) => m.subject)).toEqual(["We have your complaint C-AB12-CD34", "Second"]);
    expect(messages[0]).toMatchObject({
      to: [{ address: "robin@example.test" }],
      from: { address: "service@example.test" },
      text: "Body of We have your complaint C-AB12-CD34",
    });
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .every((m) => m.sentAt === T + 60_000),
    ).toBe(true);
    // Nothing is sent twice.
    expect(await sendOutbox(db, transport, { from: "x@example.test" })).toEqual({ sent: 0, failed: 0 });
  });

  it("keeps a message the transport refuses, and sends it on the next run", async () => {
    const db = createTestDb();
    queue(db, "robin@example.test", "Refused once", T);
    const refusing = { sendMail: async () => Promise.reject(new Error("421 try again later")) };
    expect(await sendOutbox(db, refusing, { from: "x@example.test" })).toEqual({ sent: 0, failed: 1 });
    expect(db.select().from(outbox).get()?.sentAt).toBeNull();
    const accepting = { sendMail: async () => ({}) };
    expect(await sendOutbox(db, accepting, { from: "x@example.test", now: () => T + 1 })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(db.select().from(outbox).get()?.sentAt).toBe(T + 1);
  });
});
