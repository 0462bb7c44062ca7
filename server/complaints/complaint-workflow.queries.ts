// The workflow steps (issue #5 §2): each runs in an immediate transaction that reads the complaint, plans the
// step (steps/: one planner per step, checked against the state machine), writes the change, one timeline
// event per change, the message to the customer when the step has one, and an audit row.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, tasks } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { systemTitle } from "@/lib/system-text";
import { recordAudit } from "../audit/audit.queries";
import { findAccountRef } from "../auth/account-access";
import { type Actor, canHandleComplaints, canRecordComplaint } from "../auth/permissions";
import { forbidden } from "../errors";
import { recordEvent, sendToCustomer } from "./complaint-events.queries";
import { loadPolicy } from "./complaint-policy";
import { type ComplaintRow, requireComplaint } from "./complaints.queries";
import type { AddNoteInput, ChecklistInput, TransitionInput } from "./complaints.schemas";
import { replyMessage } from "./customer-messages.rules";
import { type Patch, type Plan, planStep, stepContext } from "./steps";
import { customerName } from "./steps/step-kit";
import type { ComplaintState } from "./workflow.rules";

const DAY = 86_400_000;

/** The follow-up the service-recovery steps end with, assigned to the handler (or whoever closed it). */
function createFollowUpTask(db: Db, actorId: string | null, c: ComplaintRow, now: number): number | null {
  const assigneeId = c.handlerId ?? actorId;
  if (!assigneeId) return null;
  const days = loadPolicy(db).followUpDays;
  return db
    .insert(tasks)
    .values({
      accountId: c.accountId,
      assigneeId,
      dueAt: now + days * DAY,
      ...systemTitle({ key: "task.complaintFollowUp", params: { reference: c.reference } }),
      kind: "follow_up",
      sourceKey: `complaint:${c.id}:follow-up:${now}`,
      createdById: actorId,
      createdAt: now,
    })
    .returning({ id: tasks.id })
    .get().id;
}

/**
 * Writes a planned step: the row, one timeline event per change, the customer's message, the follow-up task
 * and an audit row. Call inside the caller's immediate transaction. `actorId` null: the customer.
 */
export function applyPlan(
  db: Db,
  actorId: string | null,
  c: ComplaintRow,
  step: Plan,
  audit: { action: string; now: number },
): { id: number; status: ComplaintState } {
  const { now } = audit;
  const patch: Patch = { ...step.patch, updatedAt: now };
  if (step.followUp) {
    const taskId = createFollowUpTask(db, actorId, c, now);
    if (taskId !== null) patch.followUpTaskId = taskId;
  }
  db.update(complaints).set(patch).where(eq(complaints.id, c.id)).run();
  for (const e of step.events) recordEvent(db, { ...e, complaintId: c.id, actorId, at: now });
  if (step.message) {
    sendToCustomer(db, { complaintId: c.id, to: c.publicEmail, ...step.message, actorId, at: now });
  }
  const { updatedAt: _u, ...changed } = patch;
  recordAudit(db, {
    actorId,
    action: audit.action,
    entity: "complaint",
    entityId: c.id,
    before: Object.fromEntries(Object.keys(changed).map((k) => [k, c[k as keyof ComplaintRow] ?? null])),
    after: changed,
    at: now,
  });
  return { id: c.id, status: (patch.status ?? c.status) as ComplaintState };
}

export function transitionComplaint(db: Db, actor: Actor, input: TransitionInput, now = Date.now()) {
  if (!canHandleComplaints(actor)) throw forbidden("Your role does not allow handling complaints.");
  return inTransaction(db, (t) => {
    const c = requireComplaint(t, input.id);
    const step = planStep(stepContext(t, actor, c, now), input);
    return applyPlan(t, actor.id, c, step, { action: `complaint.${input.action}`, now });
  });
}

/** An internal note (anyone who may record a complaint on the account), or a reply to the customer (handlers). */
export function addComplaintNote(db: Db, actor: Actor, input: AddNoteInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const c = requireComplaint(t, input.id);
    const account = findAccountRef(t, c.accountId);
    if (!account || !canRecordComplaint(actor, account)) {
      throw forbidden("You can add notes only to complaints on accounts you own.");
    }
    if (input.isPublic) {
      if (!canHandleComplaints(actor)) throw forbidden("Only complaint handlers write to the customer.");
      const msg = replyMessage(c.locale, {
        reference: c.reference,
        name: customerName(t, c),
        text: input.text,
      });
      sendToCustomer(t, { complaintId: c.id, to: c.publicEmail, ...msg, actorId: actor.id, at: now });
    } else {
      recordEvent(t, { complaintId: c.id, kind: "note", actorId: actor.id, at: now, message: input.text });
    }
    t.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, c.id)).run();
    return { id: c.id };
  });
}

/** Ticks (or unticks) one of the six service-recovery steps. */
export function setChecklistItem(db: Db, actor: Actor, input: ChecklistInput, now = Date.now()) {
  if (!canHandleComplaints(actor)) throw forbidden("Your role does not allow handling complaints.");
  return inTransaction(db, (t) => {
    const c = requireComplaint(t, input.id);
    if (c[input.item] === input.done) return { id: c.id, item: input.item, done: input.done };
    t.update(complaints)
      .set({ [input.item]: input.done, updatedAt: now })
      .where(eq(complaints.id, c.id))
      .run();
    recordEvent(t, {
      complaintId: c.id,
      kind: "checklist",
      actorId: actor.id,
      at: now,
      message: `${input.item}:${input.done ? "done" : "undone"}`,
    });
    return { id: c.id, item: input.item, done: input.done };
  });
}
