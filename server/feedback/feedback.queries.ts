// Feedback from any customer interface (issue #13 §1): recording it in seconds, giving it an owner and a due
// date (a task), closing it with what was done, and telling the customer (the outbox). Turning a problem into a
// complaint is in feedback-complaint.queries.ts; lists in feedback-lists.queries.ts.

import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, contacts, feedback, outbox, tasks, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { systemTitle } from "@/lib/system-text";
import { recordAudit } from "../audit/audit.queries";
import { type Actor, canHandleFeedback } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { senderName } from "../surveys/survey-send.queries";
import type { RecordFeedbackInput } from "./feedback.schemas";
import { feedbackSettings } from "./feedback.settings";
import { feedbackReply } from "./feedback-messages.rules";

export type FeedbackRow = typeof feedback.$inferSelect;

/** Roles that can be given feedback to act on (executives read and record; they do not own actions). */
export const ACTION_OWNER_ROLES = ["account_manager", "sales_lead", "service_agent", "admin"] as const;

function requireOwner(db: Db, ownerId: string) {
  const owner = db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true), inArray(users.role, [...ACTION_OWNER_ROLES])))
    .get();
  if (!owner)
    throw new FieldError("BAD_REQUEST", { ownerId: ["ownerNotAllowed"] }, "Choose an active colleague.");
  return owner;
}

/** The feedback task's title: a system text, shown in the reader's language (issue #12 §7). */
function actionTitle(theme: string, accountName: string) {
  return systemTitle({ key: "task.feedbackAction", params: { theme, account: accountName } });
}

/**
 * Gives feedback an owner and a due date: one task per piece of feedback (kept and re-pointed when the owner
 * or date changes). Call inside the caller's transaction.
 */
function applyAction(
  t: Db,
  f: Pick<FeedbackRow, "id" | "accountId" | "theme" | "taskId" | "actionAt" | "status">,
  action: { ownerId: string; dueAt: number },
  actorId: string,
  now: number,
) {
  const owner = requireOwner(t, action.ownerId);
  const account = t.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, f.accountId)).get();
  const title = actionTitle(f.theme.replaceAll("_", " "), account?.name ?? "");
  let taskId = f.taskId;
  if (taskId !== null) {
    t.update(tasks)
      .set({ assigneeId: owner.id, dueAt: action.dueAt, ...title, doneAt: null })
      .where(eq(tasks.id, taskId))
      .run();
  } else {
    taskId = t
      .insert(tasks)
      .values({
        accountId: f.accountId,
        assigneeId: owner.id,
        dueAt: action.dueAt,
        ...title,
        kind: "feedback_action",
        sourceKey: `feedback:${f.id}`,
        createdById: actorId,
        createdAt: now,
      })
      .returning({ id: tasks.id })
      .get().id;
  }
  t.update(feedback)
    .set({
      status: "open",
      actionOwnerId: owner.id,
      actionDueAt: action.dueAt,
      taskId,
      actionAt: f.status === "open" ? f.actionAt : now,
      updatedAt: now,
    })
    .where(eq(feedback.id, f.id))
    .run();
}

export function recordFeedback(db: Db, actor: Actor, input: RecordFeedbackInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const account = t
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .get();
    if (!account) throw notFound("Account");
    if (input.contactId) {
      const contact = t
        .select({ id: contacts.id })
        .from(contacts)
        .where(and(eq(contacts.id, input.contactId), eq(contacts.accountId, account.id)))
        .get();
      if (!contact) {
        throw new FieldError(
          "BAD_REQUEST",
          { contactId: ["contactNotOnAccount"] },
          "Choose a contact of this account.",
        );
      }
    }
    if (!getSetting(t, feedbackSettings.feedbackThemes).includes(input.theme)) {
      throw new FieldError("BAD_REQUEST", { theme: ["unknownTheme"] }, "Choose a theme from the list.");
    }
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt > now) {
      throw new FieldError(
        "BAD_REQUEST",
        { receivedAt: ["inFuture"] },
        "Feedback cannot come from the future.",
      );
    }
    const row = t
      .insert(feedback)
      .values({
        accountId: account.id,
        contactId: input.contactId ?? null,
        words: input.words,
        interface: input.interface,
        channel: input.channel,
        sentiment: input.sentiment,
        theme: input.theme,
        receivedAt,
        recordedById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    if (input.action) {
      if (input.action.dueAt < now - 86_400_000) {
        throw new FieldError("BAD_REQUEST", { dueAt: ["inPast"] }, "Choose a due date from today on.");
      }
      applyAction(t, row, input.action, actor.id, now);
    }
    recordAudit(t, {
      actorId: actor.id,
      action: "feedback.record",
      entity: "feedback",
      entityId: row.id,
      after: {
        accountId: account.id,
        sentiment: input.sentiment,
        theme: input.theme,
        interface: input.interface,
        actionOwnerId: input.action?.ownerId ?? null,
      },
      at: now,
    });
    return { id: row.id };
  });
}

/** The row and its account's owner, for a write that checks who may act. */
function requireActionable(t: Db, actor: Actor, id: number) {
  const row = t
    .select({ f: feedback, ownerId: accounts.ownerId })
    .from(feedback)
    .innerJoin(accounts, eq(accounts.id, feedback.accountId))
    .where(eq(feedback.id, id))
    .get();
  if (!row) throw notFound("Feedback");
  if (!canHandleFeedback(actor, { ownerId: row.ownerId }, row.f.actionOwnerId)) {
    throw forbidden("You can act only on feedback of your accounts or feedback given to you.");
  }
  return row.f;
}

export function assignFeedback(
  db: Db,
  actor: Actor,
  input: { id: number; ownerId: string; dueAt: number },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const f = requireActionable(t, actor, input.id);
    if (f.status === "closed") {
      throw new FieldError("CONFLICT", { id: ["closed"] }, "This feedback is closed.");
    }
    if (input.dueAt < now - 86_400_000) {
      throw new FieldError("BAD_REQUEST", { dueAt: ["inPast"] }, "Choose a due date from today on.");
    }
    applyAction(t, f, input, actor.id, now);
    recordAudit(t, {
      actorId: actor.id,
      action: "feedback.assign",
      entity: "feedback",
      entityId: f.id,
      before: { actionOwnerId: f.actionOwnerId, actionDueAt: f.actionDueAt },
      after: { actionOwnerId: input.ownerId, actionDueAt: input.dueAt },
      at: now,
    });
    return { id: f.id };
  });
}

/** Closes feedback with what was done; its task (if any) is ticked off. */
export function closeFeedback(
  db: Db,
  actor: Actor,
  input: { id: number; resolution: string },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const f = requireActionable(t, actor, input.id);
    if (f.status === "closed") {
      throw new FieldError("CONFLICT", { id: ["closed"] }, "This feedback is already closed.");
    }
    markClosed(t, f, { resolution: input.resolution, actorId: actor.id }, now);
    recordAudit(t, {
      actorId: actor.id,
      action: "feedback.close",
      entity: "feedback",
      entityId: f.id,
      before: { status: f.status },
      after: { status: "closed", resolution: input.resolution },
      at: now,
    });
    return { id: f.id, closedAt: now };
  });
}

/** Sets feedback closed with a resolution and ticks its task off. Call inside the caller's transaction. */
export function markClosed(
  t: Db,
  f: Pick<FeedbackRow, "id" | "taskId">,
  p: { resolution: string; actorId: string; complaintId?: number },
  now: number,
) {
  t.update(feedback)
    .set({
      status: "closed",
      closedAt: now,
      closedById: p.actorId,
      resolution: p.resolution,
      ...(p.complaintId ? { complaintId: p.complaintId } : {}),
      updatedAt: now,
    })
    .where(eq(feedback.id, f.id))
    .run();
  if (f.taskId !== null) {
    t.update(tasks)
      .set({ doneAt: now })
      .where(and(eq(tasks.id, f.taskId), isNull(tasks.doneAt)))
      .run();
  }
}

/** Tells the customer (the feedback's contact) what was done, through the outbox. */
export function tellCustomer(
  db: Db,
  actor: Actor,
  input: { id: number; message: string; locale: "en" | "zh" },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const f = requireActionable(t, actor, input.id);
    const contact = f.contactId
      ? t
          .select({ name: contacts.name, email: contacts.email })
          .from(contacts)
          .where(eq(contacts.id, f.contactId))
          .get()
      : undefined;
    if (!contact?.email) {
      throw new FieldError(
        "BAD_REQUEST",
        { message: ["noEmail"] },
        "This feedback has no contact with an email address.",
      );
    }
    const message = feedbackReply(input.locale, {
      name: contact.name,
      company: senderName(),
      text: input.message,
    });
    t.insert(outbox)
      .values({ to: contact.email.toLowerCase(), ...message, createdAt: now })
      .run();
    t.update(feedback).set({ customerToldAt: now, updatedAt: now }).where(eq(feedback.id, f.id)).run();
    recordAudit(t, {
      actorId: actor.id,
      action: "feedback.tell",
      entity: "feedback",
      entityId: f.id,
      after: { to: contact.email.toLowerCase(), subject: message.subject },
      at: now,
    });
    return { toldAt: now };
  });
}
