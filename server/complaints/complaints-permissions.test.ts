import { describe, expect, it } from "vitest";
import { callerFor } from "../test/harness";
import { complaintInput, setupComplaints } from "./complaints.fixtures";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code,
  );

describe("who may do what with complaints", () => {
  it("handlers (service agents, sales leads, admins) record, read and handle complaints on any account", async () => {
    const s = setupComplaints();
    for (const user of [s.agent, s.lead, s.admin]) {
      const c = callerFor(s.db, user).complaints;
      const { id } = await c.create(complaintInput(s.accountId, s.contactId));
      expect(await code(c.get({ id }))).toBe("ok");
      expect(await code(c.transition({ action: "acknowledge", id }))).toBe("ok");
      expect(await code(c.setChecklistItem({ id, item: "listened", done: true }))).toBe("ok");
      expect(await code(c.addNote({ id, text: "Called back", isPublic: true }))).toBe("ok");
      expect(await code(c.queue({ queue: "department", department: "logistics" }))).toBe("ok");
    }
  });

  it("an account manager records and reads complaints on their own accounts only, and handles none", async () => {
    const s = setupComplaints();
    const own = callerFor(s.db, s.manager).complaints;
    const other = callerFor(s.db, s.otherManager).complaints;
    const { id } = await own.create(complaintInput(s.accountId, s.contactId));
    expect(await code(own.get({ id }))).toBe("ok");
    expect(await code(own.listForAccount({ accountId: s.accountId }))).toBe("ok");
    expect(await code(own.addNote({ id, text: "Spoke to the buyer" }))).toBe("ok");
    expect((await own.queue({ queue: "mine" })).items.map((i) => i.id)).toEqual([id]);
    expect(await code(own.addNote({ id, text: "To the customer", isPublic: true }))).toBe("FORBIDDEN");
    expect(await code(own.transition({ action: "acknowledge", id }))).toBe("FORBIDDEN");
    expect(await code(own.setChecklistItem({ id, item: "apologised", done: true }))).toBe("FORBIDDEN");
    expect(await code(own.queue({ queue: "department", department: "logistics" }))).toBe("FORBIDDEN");
    // Another manager's account: refused, and the complaint is as good as not there.
    expect(await code(other.create(complaintInput(s.accountId, s.contactId)))).toBe("FORBIDDEN");
    expect(await code(other.get({ id }))).toBe("NOT_FOUND");
    expect(await code(other.listForAccount({ accountId: s.accountId }))).toBe("FORBIDDEN");
    expect(await code(other.addNote({ id, text: "x" }))).toBe("FORBIDDEN");
    expect((await other.queue({ queue: "mine" })).items).toEqual([]);
  });

  it("an executive reads complaints and queues but changes nothing", async () => {
    const s = setupComplaints();
    const { id } = await callerFor(s.db, s.agent).complaints.create(complaintInput(s.accountId, s.contactId));
    const e = callerFor(s.db, s.executive).complaints;
    const got = await e.get({ id });
    expect(got.actions).toEqual([]);
    expect(got.permissions).toEqual({
      canHandle: false,
      canApprove: false,
      canAddNote: false,
      canReply: false,
    });
    expect(await code(e.queue({ queue: "awaiting_approval" }))).toBe("ok");
    expect(await code(e.create(complaintInput(s.accountId, s.contactId)))).toBe("FORBIDDEN");
    expect(await code(e.transition({ action: "acknowledge", id }))).toBe("FORBIDDEN");
    expect(await code(e.addNote({ id, text: "x" }))).toBe("FORBIDDEN");
    expect(await code(e.setChecklistItem({ id, item: "apologised", done: true }))).toBe("FORBIDDEN");
    expect(await code(e.outbox({}))).toBe("FORBIDDEN");
  });

  it("handlers see the messages waiting in the outbox", async () => {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const { id, reference } = await c.create(complaintInput(s.accountId, s.contactId));
    expect(await c.outbox({ complaintId: id })).toEqual([
      expect.objectContaining({
        to: "carol@acme.test",
        sentAt: null,
        subject: expect.stringContaining(reference),
      }),
    ]);
    expect(await code(callerFor(s.db, s.manager).complaints.outbox({}))).toBe("FORBIDDEN");
  });

  it("only sales leads and admins see approve among the actions", async () => {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const { id } = await c.create(complaintInput(s.accountId, s.contactId));
    await c.transition({ action: "acknowledge", id });
    await c.transition({
      action: "recordFindings",
      id,
      rootCause: "wrong_item",
      responsibleParty: "our_staff",
    });
    await c.transition({ action: "proposeRemedy", id, remedyType: "compensation", remedyValue: 100_000 });
    expect((await c.get({ id })).actions).not.toContain("approve");
    expect((await callerFor(s.db, s.lead).complaints.get({ id })).actions).toContain("approve");
  });

  it("signed-out callers reach only the public procedures", async () => {
    const s = setupComplaints();
    const anon = callerFor(s.db, null).complaints;
    expect(await code(anon.get({ id: 1 }))).toBe("UNAUTHORIZED");
    expect(await code(anon.queue({ queue: "mine" }))).toBe("UNAUTHORIZED");
    expect(await code(anon.create(complaintInput(s.accountId, s.contactId)))).toBe("UNAUTHORIZED");
    expect(await code(anon.publicFormToken())).toBe("ok");
  });
});
