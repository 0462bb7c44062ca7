import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, complaints, contacts, outbox, users } from "@/db/schema";
import type { SessionUser } from "../context";
import { createCaller } from "../root";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import { complaintInput, driveTo, setupComplaints } from "./complaints.fixtures";
import type { PublicComplaintInput } from "./complaints.schemas";
import { issueFormToken, MIN_FILL_MS } from "./spam-trap";

function publicCaller(db: Db, ip = "203.0.113.7") {
  return createCaller({ db, user: null as SessionUser | null, clientIp: ip }).complaints;
}

function form(overrides: Partial<PublicComplaintInput> = {}): PublicComplaintInput {
  return {
    name: "Dana Walker",
    email: "dana@example.test",
    company: "Walker Bakery",
    description: "The oven you delivered does not heat evenly.",
    customerRequest: "Repair or exchange it",
    category: "product_quality",
    formToken: issueFormToken(Date.now() - MIN_FILL_MS - 1_000),
    ...overrides,
  };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

describe("the public complaint form", () => {
  it("accepts a form token once: sending the same form again (or replaying it) is refused", async () => {
    const { db } = setupComplaints();
    const token = issueFormToken(Date.now() - MIN_FILL_MS - 1_000);
    const first = await publicCaller(db, "203.0.113.20").submitPublic(form({ formToken: token }));
    expect(first.reference).toBeTruthy();
    const replay = publicCaller(db, "203.0.113.21").submitPublic(
      form({ formToken: token, email: "other@example.test" }),
    );
    expect(await fieldErrorsOf(replay)).toEqual({ form: ["used"] });
    expect(
      db.select().from(complaints).where(eq(complaints.publicEmail, "other@example.test")).all(),
    ).toHaveLength(0);
    // A fresh form works.
    expect(
      (await publicCaller(db, "203.0.113.21").submitPublic(form({ email: "other@example.test" }))).reference,
    ).toBeTruthy();
  });

  it("a token with a forged nonce or signature is refused as spam", async () => {
    const { db } = setupComplaints();
    const [at, nonce, signature] = issueFormToken(Date.now() - MIN_FILL_MS - 1_000).split(".");
    for (const token of [`${at}.other-nonce.${signature}`, `${at}.${nonce}.forged`, `${at}.${signature}`]) {
      expect(await fieldErrorsOf(publicCaller(db).submitPublic(form({ formToken: token })))).toEqual({
        form: ["spam"],
      });
    }
  });

  it("records the complaint on a new account and contact, and shows the reference and promised reply time", async () => {
    const { db, agent } = setupComplaints();
    const result = await publicCaller(db).submitPublic(form());
    expect(result.reference).toMatch(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(result).toMatchObject({ acknowledgeHours: 24, resolveDays: 5 });
    const row = db.select().from(complaints).where(eq(complaints.reference, result.reference)).get();
    expect(row).toMatchObject({
      channel: "web_form",
      category: "product_quality",
      department: "quality_assurance",
      publicEmail: "dana@example.test",
      createdById: null,
      // Routed on arrival: a person owns it at once (both agents are free; Agent Ann comes first by name).
      handlerId: agent.id,
    });
    const account = db
      .select()
      .from(accounts)
      .where(eq(accounts.id, row?.accountId ?? -1))
      .get();
    expect(account).toMatchObject({ name: "Walker Bakery", kind: "company", ownerId: null, rung: "suspect" });
    const contact = db
      .select()
      .from(contacts)
      .where(eq(contacts.id, row?.contactId ?? -1))
      .get();
    expect(contact).toMatchObject({ name: "Dana Walker", email: "dana@example.test" });
    const mail = db.select().from(outbox).all();
    expect(mail).toEqual([expect.objectContaining({ to: "dana@example.test", complaintId: row?.id })]);
    expect(mail[0]?.body).toContain(result.reference);
  });

  it("matches an existing contact by email, whatever its case", async () => {
    const { db, accountId, contactId } = setupComplaints();
    const result = await publicCaller(db).submitPublic(
      form({ email: "CAROL@acme.test", company: "Whatever Ltd" }),
    );
    const row = db.select().from(complaints).where(eq(complaints.reference, result.reference)).get();
    expect(row).toMatchObject({ accountId, contactId });
    expect(db.select().from(accounts).all()).toHaveLength(1);
  });

  it("writes the messages in Chinese for a Chinese form", async () => {
    const { db } = setupComplaints();
    await publicCaller(db).submitPublic(form({ locale: "zh" }));
    expect(db.select().from(outbox).get()?.subject).toContain("我们已收到您的投诉");
  });

  it("refuses a filled honeypot and a form sent faster than a person can fill it, recording nothing", async () => {
    const { db } = setupComplaints();
    const c = publicCaller(db);
    expect(await fieldErrorsOf(c.submitPublic(form({ website: "http://spam.test" })))).toEqual({
      form: ["spam"],
    });
    expect(
      await fieldErrorsOf(c.submitPublic(form({ formToken: issueFormToken(Date.now() - 500) }))),
    ).toEqual({
      form: ["spam"],
    });
    const [at] = issueFormToken(Date.now() - 60_000).split(".");
    expect(await fieldErrorsOf(c.submitPublic(form({ formToken: `${at}.forged` })))).toEqual({
      form: ["spam"],
    });
    expect(db.select().from(complaints).all()).toEqual([]);
  });

  it("routes each web complaint on arrival to the agent with the fewest open ones", async () => {
    const { db, agent, otherAgent } = setupComplaints();
    const c = publicCaller(db);
    const handlers = [];
    for (let i = 0; i < 4; i++) {
      const { reference } = await c.submitPublic(form({ email: `buyer${i}@example.test` }));
      handlers.push(db.select().from(complaints).where(eq(complaints.reference, reference)).get()?.handlerId);
    }
    expect(handlers).toEqual([agent.id, otherAgent.id, agent.id, otherAgent.id]);
    const got = await callerFor(db, agent).complaints.queue({ queue: "mine" });
    expect(got.items).toHaveLength(2);
    // The timeline says who took it and that nobody chose by hand (no actor).
    const timeline = (await callerFor(db, agent).complaints.get({ id: got.items[0]?.id ?? -1 })).timeline;
    expect(timeline.find((e) => e.kind === "assigned")).toMatchObject({
      message: "Agent Ann",
      actorId: null,
    });
  });

  it("leaves a web complaint unassigned when no service agent is active, for the Unassigned queue", async () => {
    const { db, agent, otherAgent, lead } = setupComplaints();
    db.update(users)
      .set({ active: false })
      .where(inArray(users.id, [agent.id, otherAgent.id]))
      .run();
    const { reference } = await publicCaller(db).submitPublic(form());
    const unassigned = await callerFor(db, lead).complaints.queue({ queue: "unassigned" });
    expect(unassigned.items.map((i) => i.reference)).toEqual([reference]);
  });

  it("limits complaints per client address and per email address", async () => {
    const { db } = setupComplaints();
    const fromOneIp = publicCaller(db, "198.51.100.1");
    for (let i = 0; i < 5; i++) {
      expect(await code(fromOneIp.submitPublic(form({ email: `person${i}@example.test` })))).toBe("ok");
    }
    expect(await code(fromOneIp.submitPublic(form({ email: "person9@example.test" })))).toBe(
      "TOO_MANY_REQUESTS",
    );
    // One email address from many addresses: three an hour.
    for (let i = 0; i < 3; i++) {
      expect(
        await code(publicCaller(db, `192.0.2.${i}`).submitPublic(form({ email: "same@example.test" }))),
      ).toBe("ok");
    }
    expect(
      await code(publicCaller(db, "192.0.2.99").submitPublic(form({ email: "Same@example.test" }))),
    ).toBe("TOO_MANY_REQUESTS");
  });
});

describe("the public status page", () => {
  it("shows the status and only the replies addressed to the customer, never internal notes", async () => {
    const s = setupComplaints();
    const { reference } = await publicCaller(s.db).submitPublic(form());
    const id = s.db.select().from(complaints).where(eq(complaints.reference, reference)).get()?.id ?? -1;
    const agent = callerFor(s.db, s.agent).complaints;
    await agent.addNote({ id, text: "INTERNAL: customer sounds like a reseller" });
    await agent.transition({ action: "acknowledge", id, message: "We will send a technician on Monday." });
    const status = await publicCaller(s.db).publicStatus({
      reference: reference.toLowerCase(),
      email: "DANA@example.test",
    });
    expect(status).toMatchObject({ reference, status: "in_progress" });
    // Routed on arrival to the free agent first by name, who acknowledged it.
    expect((await agent.get({ id })).handlerId).toBe(s.agent.id);
    expect(status.replies).toHaveLength(2);
    expect(status.replies[1]?.message).toContain("We will send a technician on Monday.");
    expect(JSON.stringify(status)).not.toContain("INTERNAL");
    expect(JSON.stringify(status)).not.toContain(s.agent.name);
  });

  it("a reference looked up with another email, or another complaint's reference, shows the same not-found", async () => {
    const s = setupComplaints();
    const c = publicCaller(s.db);
    const mine = await c.submitPublic(form());
    const theirs = await callerFor(s.db, s.agent).complaints.create(complaintInput(s.accountId, s.contactId));
    const refusals = await Promise.all(
      [
        { reference: mine.reference, email: "someone.else@example.test" },
        { reference: theirs.reference, email: "dana@example.test" },
        { reference: "C-AAAA-AAAA", email: "dana@example.test" },
      ].map((q) =>
        c.publicStatus(q).then(
          () => null,
          (e: { code: string; message: string }) => [e.code, e.message],
        ),
      ),
    );
    expect(refusals).toEqual(
      Array(3).fill(["NOT_FOUND", "We found no complaint with this reference and email address."]),
    );
    // The staff complaint has the contact's address: its owner can look it up.
    expect((await c.publicStatus({ reference: theirs.reference, email: "carol@acme.test" })).status).toBe(
      "received",
    );
  });

  it("limits look-ups per client address", async () => {
    const { db } = setupComplaints();
    const c = publicCaller(db, "198.51.100.50");
    for (let i = 0; i < 30; i++)
      await code(c.publicStatus({ reference: "C-AAAA-AAAA", email: "x@example.test" }));
    expect(await code(c.publicStatus({ reference: "C-AAAA-AAAA", email: "x@example.test" }))).toBe(
      "TOO_MANY_REQUESTS",
    );
  });
});

describe("the customer's answer on the status page", () => {
  async function awaitingAnswer() {
    const s = setupComplaints();
    const { reference } = await publicCaller(s.db).submitPublic(form());
    const id = s.db.select().from(complaints).where(eq(complaints.reference, reference)).get()?.id ?? -1;
    await driveTo(s.db, s.agent, s.lead, id, "awaiting_confirmation");
    return { ...s, reference, id };
  }

  it("offers the answer only while the customer is asked", async () => {
    const s = setupComplaints();
    const { reference } = await publicCaller(s.db).submitPublic(form());
    const ask = () => publicCaller(s.db).publicStatus({ reference, email: "dana@example.test" });
    expect((await ask()).canAnswer).toBe(false);
    const id = s.db.select().from(complaints).where(eq(complaints.reference, reference)).get()?.id ?? -1;
    await driveTo(s.db, s.agent, s.lead, id, "awaiting_confirmation");
    expect(await ask()).toMatchObject({ status: "awaiting_your_confirmation", canAnswer: true });
  });

  it("“Yes, this is resolved” records the customer's confirmation and closes the complaint", async () => {
    const { db, agent, reference, id } = await awaitingAnswer();
    const answer = await publicCaller(db).publicAnswer({
      reference,
      email: "Dana@Example.test",
      resolved: true,
      comment: "The technician fixed it, thanks.",
    });
    expect(answer).toMatchObject({ status: "closed", canAnswer: false });
    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    expect(row).toMatchObject({
      status: "closed",
      confirmationChannel: "web_form",
      confirmationNote: "The technician fixed it, thanks.",
      confirmedById: null,
      followedUp: true,
    });
    expect(row?.resolvedAt).not.toBeNull();
    const got = await callerFor(db, agent).complaints.get({ id });
    expect(got.clocks.outcome).toBe("resolved_quickly");
    // The handler gets the follow-up task; the customer gets the closing message.
    expect(got.followUpTaskId).not.toBeNull();
    expect(db.select().from(outbox).where(eq(outbox.complaintId, id)).all().at(-1)?.subject).toContain(
      "Your complaint is resolved",
    );
    // A second answer finds nothing waiting.
    expect(
      await fieldErrorsOf(
        publicCaller(db).publicAnswer({ reference, email: "dana@example.test", resolved: false }),
      ),
    ).toEqual({ form: ["notAwaiting"] });
  });

  it("“No, it is not” reopens the complaint for its handler with the customer's words", async () => {
    const { db, agent, reference, id } = await awaitingAnswer();
    const answer = await publicCaller(db).publicAnswer({
      reference,
      email: "dana@example.test",
      resolved: false,
      comment: "It still heats unevenly.",
    });
    expect(answer).toMatchObject({ status: "in_progress", canAnswer: false });
    const got = await callerFor(db, agent).complaints.get({ id });
    expect(got).toMatchObject({ status: "reopened", handlerId: agent.id, resolvedAt: null, closedAt: null });
    expect(got.timeline.filter((e) => e.kind === "status").at(-1)).toMatchObject({
      fromStatus: "awaiting_confirmation",
      toStatus: "reopened",
      message: "It still heats unevenly.",
      actorId: null,
    });
    expect((await callerFor(db, agent).complaints.queue({ queue: "mine" })).items.map((i) => i.id)).toContain(
      id,
    );
    expect(answer.replies.at(-1)?.message).toContain("We have reopened your complaint");
  });

  it("is behind the same reference, email and look-up limit as the status", async () => {
    const { db, reference, id } = await awaitingAnswer();
    const c = publicCaller(db, "198.51.100.77");
    await expect(
      c.publicAnswer({ reference, email: "someone.else@example.test", resolved: false }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(db.select().from(complaints).where(eq(complaints.id, id)).get()?.status).toBe(
      "awaiting_confirmation",
    );
    for (let i = 0; i < 29; i++)
      await code(c.publicStatus({ reference: "C-AAAA-AAAA", email: "x@example.test" }));
    expect(await code(c.publicAnswer({ reference, email: "dana@example.test", resolved: true }))).toBe(
      "TOO_MANY_REQUESTS",
    );
  });
});
