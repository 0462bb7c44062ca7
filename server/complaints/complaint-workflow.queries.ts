// The workflow steps (issue #5 §2): each runs in an immediate transaction that reads the complaint, plans the
// step (complaint-steps.ts: checked against the state machine), writes the change, one timeline event per
// change, the message to the customer when the step has one, and an audit row.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, tasks } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { systemTitle } from "@/lib/system-text";
import { findAccountRef } from "../activities/account-access";
import { recordAudit } from "../audit/audit.queries";
import { type Actor, canHandleComplaints, canRecordComplaint } from "../auth/permissions";
import { forbidden } from "../errors";
import { recordEvent, sendToCustomer } from "./complaint-events.queries";
import { loadPolicy } from "./complaint-policy";
import { customerName, type Patch, planStep } from "./complaint-steps";
import { type ComplaintRow, requireComplaint } from "./complaints.queries";
import type { AddNoteInput, ChecklistInput, TransitionInput } from "./complaints.schemas";
import { replyMessage } from "./customer-messages.rules";
import type { ComplaintState } from "./workflow.rules";

const DAY = 86_400_000;

/** The follow-up the service-recovery steps end with, assigned to the handler (or whoever closed it). */
function createFollowUpTask(db: Db, actor: Actor, c: ComplaintRow, now: number): number {
  const days = loadPolicy(db).followUpDays;
  return db
    .insert(tasks)
    .values({
      accountId: c.accountId,
      assigneeId: c.handlerId ?? actor.id,
      dueAt: now + days * DAY,
      ...systemTitle({ key: "task.complaintFollowUp", params: { reference: c.reference } }),
      kind: "follow_up",
      sourceKey: `complaint:${c.id}:follow-up:${now}`,
      createdById: actor.id,
      createdAt: now,
    })
    .returning({ id: tasks.id })
    .get().id;
}

export function transitionComplaint(db: Db, actor: Actor, input: TransitionInput, now = Date.now()) {
  if (!canHandleComplaints(actor)) throw forbidden("Your role does not allow handling complaints.");
  return inTransaction(db, (t) => {
    const c = requireComplaint(t, input.id);
    const step = planStep(t, actor, c, input, now);
    const patch: Patch = { ...step.patch, updatedAt: now };
    if (step.followUp) patch.followUpTaskId = createFollowUpTask(t, actor, c, now);
    t.update(complaints).set(patch).where(eq(complaints.id, c.id)).run();
    for (const e of step.events) recordEvent(t, { ...e, complaintId: c.id, actorId: actor.id, at: now });
    if (step.message) {
      sendToCustomer(t, {
        complaintId: c.id,
        to: c.publicEmail,
        ...step.message,
        actorId: actor.id,
        at: now,
      });
    }
    const { updatedAt: _u, ...changed } = patch;
    recordAudit(t, {
      actorId: actor.id,
      action: `complaint.${input.action}`,
      entity: "complaint",
      entityId: c.id,
      before: Object.fromEntries(Object.keys(changed).map((k) => [k, c[k as keyof ComplaintRow] ?? null])),
      after: changed,
      at: now,
    });
    return { id: c.id, status: (patch.status ?? c.status) as ComplaintState };
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
