import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { complaintEvents, complaints, outbox, tasks } from "@/db/schema";
import { setSetting } from "../settings/settings.queries";
import { fieldErrorsOf } from "../test/fixtures";
import { callerFor } from "../test/harness";
import { COMPLAINT_ACTIONS, type ComplaintAction } from "./complaint-actions.rules";
import { complaintInput, driveTo, LIMIT, setupComplaints } from "./complaints.fixtures";
import type { TransitionRequest } from "./complaints.schemas";
import { complaintsSettings } from "./complaints.settings";
import { COMPLAINT_STATES, type ComplaintState } from "./workflow.rules";

const DAY = 86_400_000;

/** A valid input for each action, so only the state decides whether it is allowed. */
function inputFor(action: ComplaintAction, id: number): TransitionRequest {
  switch (action) {
    case "acknowledge":
    case "approve":
    case "carryOut":
    case "requestConfirmation":
      return { action, id } as TransitionRequest;
    case "route":
      return { action, id, department: "finance" };
    case "recordFindings":
      return { action, id, rootCause: "late_delivery", responsibleParty: "delivery_partner" };
    case "proposeRemedy":
      return { action, id, remedyType: "repair", remedyValue: 1_000 };
    case "sendBack":
    case "closeWithoutConfirmation":
    case "reopen":
      return { action, id, reason: "A reason" };
    case "recordConfirmation":
      return { action, id, confirmationChannel: "email" };
  }
}

/** Which actions the server accepts in each state (the handler is a sales lead, so approvals count). */
const ALLOWED: Record<ComplaintState, ComplaintAction[]> = {
  received: ["acknowledge", "route", "closeWithoutConfirmation"],
  // Complaints acknowledged before acknowledging started the investigation: findings come next.
  acknowledged: ["recordFindings", "route", "closeWithoutConfirmation"],
  // A remedy only after the cause is recorded (tested below): a fresh investigation refuses it.
  investigating: ["recordFindings", "route", "closeWithoutConfirmation"],
  remedy_proposed: ["recordFindings", "proposeRemedy", "carryOut", "route", "closeWithoutConfirmation"],
  awaiting_approval: ["approve", "sendBack", "route", "closeWithoutConfirmation"],
  approved: ["carryOut", "route", "closeWithoutConfirmation"],
  remedy_carried_out: [
    "requestConfirmation",
    "recordConfirmation",
    "route",
    "closeWithoutConfirmation",
    "reopen",
  ],
  awaiting_confirmation: ["recordConfirmation", "route", "closeWithoutConfirmation", "reopen"],
  closed: ["reopen"],
  closed_unconfirmed: ["reopen"],
  // The findings from before stay: the handler may revise them or propose another remedy at once.
  reopened: ["recordFindings", "proposeRemedy", "route", "closeWithoutConfirmation"],
};

describe("the complaint workflow through the router", () => {
  it("closes in five steps for a remedy within the limit, with events, messages, checklist and a follow-up task", async () => {
    const { db, agent, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const created = await c.create(complaintInput(accountId, contactId));
    expect(created.reference).toMatch(/^C-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const id = created.id;
    const steps = [
      () => c.transition({ action: "acknowledge", id }),
      () =>
        c.transition({
          action: "recordFindings",
          id,
          rootCause: "late_delivery",
          responsibleParty: "delivery_partner",
        }),
      () => c.transition({ action: "proposeRemedy", id, remedyType: "discount", remedyValue: 10_000 }),
      () => c.transition({ action: "carryOut", id }),
      () => c.transition({ action: "recordConfirmation", id, confirmationChannel: "phone" }),
    ];
    const reached = [];
    const before = Date.now();
    for (const step of steps) reached.push((await step()).status);
    expect(reached).toEqual([
      "investigating",
      "investigating",
      "remedy_proposed",
      "awaiting_confirmation",
      "closed",
    ]);

    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    expect(row).toMatchObject({
      status: "closed",
      confirmationChannel: "phone",
      confirmedById: agent.id,
      dueAt: null,
      // Each step ticked the service-recovery item it does; "added value" was not offered.
      apologised: true,
      listened: true,
      offeredFix: true,
      addedValue: false,
      keptPromise: true,
      followedUp: true,
    });
    expect(row?.resolvedAt).not.toBeNull();
    expect(row?.closedAt).toBe(row?.resolvedAt);
    const statuses = db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, id))
      .all()
      .filter((e) => e.kind === "status")
      .map((e) => [e.fromStatus, e.toStatus, e.actorId]);
    // Every state is still passed through and recorded; only the steps are fewer.
    expect(statuses).toEqual([
      ["received", "acknowledged", agent.id],
      ["acknowledged", "investigating", agent.id],
      ["investigating", "remedy_proposed", agent.id],
      ["remedy_proposed", "remedy_carried_out", agent.id],
      ["remedy_carried_out", "awaiting_confirmation", agent.id],
      ["awaiting_confirmation", "closed", agent.id],
    ]);
    // Thanks, acknowledgement, confirmation request and confirmation went to the customer's address.
    const sent = db.select().from(outbox).where(eq(outbox.complaintId, id)).all();
    expect(sent.map((m) => m.subject)).toEqual([
      expect.stringContaining("We have received your complaint"),
      expect.stringContaining("We are handling your complaint"),
      expect.stringContaining("Did our fix meet your expectations"),
      expect.stringContaining("Your complaint is resolved"),
    ]);
    expect(sent.every((m) => m.to === "carol@acme.test" && m.sentAt === null)).toBe(true);
    const task = db
      .select()
      .from(tasks)
      .where(eq(tasks.id, row?.followUpTaskId ?? -1))
      .get();
    expect(task).toMatchObject({ kind: "follow_up", assigneeId: agent.id, accountId });
    expect(task?.dueAt).toBeGreaterThanOrEqual(before + 7 * DAY);
    expect(task?.dueAt).toBeLessThan(before + 7 * DAY + 60_000);
  });

  it("a remedy with something extra for the trouble ticks added value", async () => {
    const { db, agent, lead, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "investigating");
    await c.transition({ action: "recordFindings", id, rootCause: "other", responsibleParty: "unknown" });
    await c.transition({
      action: "proposeRemedy",
      id,
      remedyType: "exchange",
      remedyValue: 0,
      addedValue: true,
    });
    expect((await c.get({ id })).addedValue).toBe(true);
  });

  it("a remedy carried out without asking waits; the request and the confirmation can follow", async () => {
    const { db, agent, lead, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "remedy_carried_out");
    expect((await c.get({ id })).status).toBe("remedy_carried_out");
    const subjects = () =>
      db
        .select()
        .from(outbox)
        .where(eq(outbox.complaintId, id))
        .all()
        .map((m) => m.subject);
    expect(subjects().some((s) => s.includes("Did our fix"))).toBe(false);
    await c.transition({ action: "requestConfirmation", id, message: "Did the new oven arrive intact?" });
    expect(subjects().filter((s) => s.includes("Did our fix"))).toHaveLength(1);
    expect(
      (await c.transition({ action: "recordConfirmation", id, confirmationChannel: "email" })).status,
    ).toBe("closed");
  });

  it("a confirmation recorded straight after carrying out (the customer called first) closes it too", async () => {
    const { db, agent, lead, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "remedy_carried_out");
    await c.transition({
      action: "recordConfirmation",
      id,
      confirmationChannel: "phone",
      confirmationNote: "All good",
    });
    const got = await c.get({ id });
    expect(got).toMatchObject({ status: "closed", confirmationNote: "All good", followedUp: true });
    expect(
      got.timeline
        .filter((e) => e.kind === "status")
        .map((e) => e.toStatus)
        .slice(-2),
    ).toEqual(["awaiting_confirmation", "closed"]);
  });

  it("follows the follow-up days setting", async () => {
    const { db, agent, lead, admin, accountId, contactId } = setupComplaints();
    setSetting(db, complaintsSettings.followUpDays, 3, admin.id);
    const { id } = await callerFor(db, agent).complaints.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "closed");
    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    const task = db
      .select()
      .from(tasks)
      .where(eq(tasks.id, row?.followUpTaskId ?? -1))
      .get();
    expect((task?.dueAt ?? 0) - (row?.closedAt ?? 0)).toBe(3 * DAY);
  });

  for (const state of COMPLAINT_STATES) {
    it(`in state "${state}" allows exactly ${ALLOWED[state].join(", ")}`, async () => {
      const { db, lead, admin, accountId, contactId } = setupComplaints();
      const c = callerFor(db, lead).complaints;
      for (const action of COMPLAINT_ACTIONS) {
        const { id } = await c.create(complaintInput(accountId, contactId));
        await driveTo(db, lead, admin, id, state);
        // The buttons offered are exactly the steps the server accepts.
        expect([...(await c.get({ id })).actions].sort()).toEqual([...ALLOWED[state]].sort());
        const expected = ALLOWED[state].includes(action);
        const result = await c.transition(inputFor(action, id)).then(
          () => "ok",
          (e: { code?: string }) => e.code,
        );
        expect([action, result]).toEqual([action, expected ? "ok" : "BAD_REQUEST"]);
      }
    });
  }

  it("refuses a step with a sentence naming the states", async () => {
    const { db, agent, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await expect(c.transition({ action: "carryOut", id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A complaint that is received cannot move to remedy carried out.",
    });
  });

  it("asks for a reason to close without confirmation and to reopen", async () => {
    const { db, agent, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    expect(
      await fieldErrorsOf(c.transition({ action: "closeWithoutConfirmation", id, reason: "  " })),
    ).toEqual({
      reason: ["required"],
    });
    await c.transition({ action: "closeWithoutConfirmation", id, reason: "Customer unreachable" });
    expect(await fieldErrorsOf(c.transition({ action: "reopen", id, reason: "" }))).toEqual({
      reason: ["required"],
    });
    await c.transition({ action: "reopen", id, reason: "Customer called back" });
    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    expect(row).toMatchObject({ status: "reopened", closedAt: null, closedUnconfirmedReason: null });
    expect(row?.dueAt).toBe(row?.ackDueAt); // never acknowledged: the acknowledgement promise is due again
  });

  it("a reopened complaint is worked again and closes only with a new confirmation", async () => {
    const { db, agent, lead, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "reopened");
    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    expect(row).toMatchObject({ resolvedAt: null, confirmationChannel: null, dueAt: row?.resolveDueAt });
    // The earlier findings stand, so a new remedy can be proposed at once; the investigation restarts with it.
    expect(
      (await c.transition({ action: "proposeRemedy", id, remedyType: "exchange", remedyValue: 5_000 }))
        .status,
    ).toBe("remedy_proposed");
    expect((await c.transition({ action: "carryOut", id })).status).toBe("awaiting_confirmation");
    expect(db.select().from(complaints).where(eq(complaints.id, id)).get()?.resolvedAt).toBeNull();
    expect(
      (await c.transition({ action: "recordConfirmation", id, confirmationChannel: "email" })).status,
    ).toBe("closed");
  });

  it("needs the cause before a remedy, and a root cause from the settings' list", async () => {
    const { db, agent, lead, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    await driveTo(db, agent, lead, id, "investigating");
    expect(
      await fieldErrorsOf(
        c.transition({ action: "proposeRemedy", id, remedyType: "repair", remedyValue: 100 }),
      ),
    ).toEqual({ rootCause: [expect.stringContaining("Record the cause")] });
    expect(
      await fieldErrorsOf(
        c.transition({ action: "recordFindings", id, rootCause: "gremlins", responsibleParty: "unknown" }),
      ),
    ).toEqual({ rootCause: [expect.stringContaining("from the list")] });
  });

  it("records routing and (re)assignment on the timeline", async () => {
    const { db, agent, otherAgent, manager, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const { id } = await c.create(complaintInput(accountId, contactId));
    expect(db.select().from(complaints).where(eq(complaints.id, id)).get()).toMatchObject({
      department: "logistics", // delivery → logistics by the default routing table
      handlerId: agent.id,
    });
    await c.transition({ action: "route", id, department: "quality_assurance", handlerId: otherAgent.id });
    expect(await fieldErrorsOf(c.transition({ action: "route", id, handlerId: manager.id }))).toEqual({
      handlerId: ["handlerNotAllowed"],
    });
    const got = await c.get({ id });
    expect(got).toMatchObject({ department: "quality_assurance", handlerName: "Agent Bo" });
    expect(got.timeline.filter((e) => e.kind === "routed" || e.kind === "assigned")).toEqual([
      expect.objectContaining({ kind: "routed", message: "quality_assurance", actorName: "Agent Ann" }),
      expect.objectContaining({ kind: "assigned", message: "Agent Bo", actorName: "Agent Ann" }),
    ]);
  });

  it("re-classifying moves the complaint to the category's department and re-computes the promise", async () => {
    const { db, agent, accountId, contactId } = setupComplaints();
    const c = callerFor(db, agent).complaints;
    const receivedAt = Date.now() - 3_600_000;
    const { id } = await c.create(complaintInput(accountId, contactId, { receivedAt })); // delivery, medium
    await c.transition({ action: "route", id, category: "payment", severity: "high" });
    const got = await c.get({ id });
    expect(got).toMatchObject({
      category: "payment",
      department: "finance",
      severity: "high",
      ackDueAt: receivedAt + DAY,
      resolveDueAt: receivedAt + 2 * DAY,
      dueAt: receivedAt + DAY,
    });
    expect(got.timeline.filter((e) => e.kind === "classified").map((e) => e.message)).toEqual([
      "category:payment",
      "severity:high",
    ]);
    await expect(c.transition({ action: "route", id, severity: "high" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("ticks the service-recovery checklist and adds notes", async () => {
    const { db, agent, manager, accountId, contactId } = setupComplaints();
    const { id } = await callerFor(db, agent).complaints.create(complaintInput(accountId, contactId));
    await callerFor(db, agent).complaints.setChecklistItem({ id, item: "apologised", done: true });
    await callerFor(db, manager).complaints.addNote({ id, text: "Customer is a key account" });
    const got = await callerFor(db, agent).complaints.get({ id });
    expect(got.apologised).toBe(true);
    expect(got.timeline.map((e) => [e.kind, e.isPublic])).toEqual([
      ["created", false],
      ["reply", true],
      ["checklist", false],
      ["note", false],
    ]);
  });
});

describe("the approval limit", () => {
  async function proposed(value: number) {
    const s = setupComplaints();
    const c = callerFor(s.db, s.agent).complaints;
    const { id } = await c.create(complaintInput(s.accountId, s.contactId));
    await driveTo(s.db, s.agent, s.lead, id, "investigating");
    await c.transition({
      action: "recordFindings",
      id,
      rootCause: "late_delivery",
      responsibleParty: "our_process",
    });
    const result = await c.transition({
      action: "proposeRemedy",
      id,
      remedyType: "discount",
      remedyValue: value,
    });
    return { ...s, c, id, result };
  }

  it("a remedy exactly at the limit is settled by the handler", async () => {
    const { c, id, result } = await proposed(LIMIT);
    expect(result.status).toBe("remedy_proposed");
    expect((await c.transition({ action: "carryOut", id, askConfirmation: false })).status).toBe(
      "remedy_carried_out",
    );
  });

  it("a remedy above the limit waits for a sales lead's or an admin's approval", async () => {
    const { db, c, id, result, lead, admin, agent } = await proposed(LIMIT + 1);
    expect(result.status).toBe("awaiting_approval");
    await expect(c.transition({ action: "carryOut", id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.transition({ action: "approve", id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await callerFor(db, lead).complaints.transition({
      action: "sendBack",
      id,
      reason: "Offer a repair first",
    });
    await c.transition({ action: "proposeRemedy", id, remedyType: "compensation", remedyValue: 90_000 });
    await callerFor(db, admin).complaints.transition({ action: "approve", id, note: "Key account" });
    const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
    expect(row).toMatchObject({ status: "approved", approvedById: admin.id, approvalNote: "Key account" });
    expect((await c.transition({ action: "carryOut", id, askConfirmation: false })).status).toBe(
      "remedy_carried_out",
    );
    expect(agent.role).toBe("service_agent");
  });

  it("follows the approval limit setting", async () => {
    const s = setupComplaints();
    setSetting(s.db, complaintsSettings.approvalLimit, 1_000, s.admin.id);
    const c = callerFor(s.db, s.agent).complaints;
    const { id } = await c.create(complaintInput(s.accountId, s.contactId));
    await driveTo(s.db, s.agent, s.lead, id, "investigating");
    await c.transition({ action: "recordFindings", id, rootCause: "other", responsibleParty: "unknown" });
    const r = await c.transition({ action: "proposeRemedy", id, remedyType: "discount", remedyValue: 1_001 });
    expect(r.status).toBe("awaiting_approval");
  });
});
