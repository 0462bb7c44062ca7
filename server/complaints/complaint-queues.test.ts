import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/harness";
import { complaintInput, driveTo, setupComplaints } from "./complaints.fixtures";

const HOUR = 3_600_000;

describe("complaint queues", () => {
  it("my open complaints come by due time, closed ones drop out, and pages follow the cursor", async () => {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const now = Date.now();
    const late = await c.create(complaintInput(s.accountId, s.contactId, { receivedAt: now - 2 * HOUR }));
    const early = await c.create(complaintInput(s.accountId, s.contactId, { receivedAt: now - 5 * HOUR }));
    const closed = await c.create(complaintInput(s.accountId, s.contactId));
    await c.transition({ action: "closeWithoutConfirmation", id: closed.id, reason: "Spam call" });
    await callerFor(s.db, s.otherAgent).complaints.create(complaintInput(s.accountId, s.contactId));
    const first = await c.queue({ queue: "mine", limit: 1 });
    expect(first.items.map((i) => i.id)).toEqual([early.id]);
    const second = await c.queue({ queue: "mine", limit: 1, cursor: first.nextCursor });
    expect(second.items.map((i) => i.id)).toEqual([late.id]);
    expect(second.nextCursor).toBeNull();
    expect(second.items[0]).toMatchObject({
      accountName: "Acme",
      handlerName: "Agent Ann",
      status: "received",
    });
  });

  it("department, awaiting approval and awaiting confirmation queues", async () => {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const delivery = await c.create(complaintInput(s.accountId, s.contactId));
    const payment = await c.create(complaintInput(s.accountId, s.contactId, { category: "payment" }));
    await driveTo(s.db, s.agent, s.lead, delivery.id, "awaiting_approval");
    await driveTo(s.db, s.agent, s.lead, payment.id, "awaiting_confirmation");
    const ids = async (q: Parameters<typeof c.queue>[0]) => (await c.queue(q)).items.map((i) => i.id);
    expect(await ids({ queue: "department", department: "logistics" })).toEqual([delivery.id]);
    expect(await ids({ queue: "department", department: "finance" })).toEqual([payment.id]);
    expect(await ids({ queue: "awaiting_approval" })).toEqual([delivery.id]);
    expect(await ids({ queue: "awaiting_confirmation" })).toEqual([payment.id]);
  });

  it("follow-ups due: a closed complaint's follow-up task, for its handler, until the task is done", async () => {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const first = await c.create(complaintInput(s.accountId, s.contactId));
    const second = await c.create(complaintInput(s.accountId, s.contactId));
    await c.transition({ action: "closeWithoutConfirmation", id: first.id, reason: "Resolved by phone" });
    await c.transition({ action: "closeWithoutConfirmation", id: second.id, reason: "Duplicate" });
    const page = await c.queue({ queue: "follow_ups", limit: 1 });
    expect(page.items.map((i) => [i.id, i.status])).toEqual([[first.id, "closed_unconfirmed"]]);
    const next = await c.queue({ queue: "follow_ups", limit: 1, cursor: page.nextCursor });
    expect(next.items.map((i) => i.id)).toEqual([second.id]);
    // Someone else's follow-ups are not in my queue.
    expect((await callerFor(s.db, s.otherAgent).complaints.queue({ queue: "follow_ups" })).items).toEqual([]);
    // Ticking the task off takes it out.
    const task = s.db.all<{ id: number }>(
      sql`SELECT id FROM tasks WHERE source_key LIKE ${`complaint:${first.id}:follow-up:%`}`,
    )[0];
    s.db.run(sql`UPDATE tasks SET done_at = ${Date.now()} WHERE id = ${task?.id ?? 0}`);
    expect((await c.queue({ queue: "follow_ups" })).items.map((i) => i.id)).toEqual([second.id]);
  });
});
