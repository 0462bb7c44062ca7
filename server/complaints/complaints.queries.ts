// Recording complaints and reading them: staff intake, one complaint with its timeline, the account's list.
// Queues are in complaint-queues.queries.ts, workflow steps in complaint-workflow.queries.ts.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  type ComplaintCategory,
  type ComplaintChannel,
  complaints,
  contacts,
  type Locale,
  users,
} from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import {
  type Actor,
  COMPLAINT_HANDLERS,
  canApproveRemedies,
  canHandleComplaints,
  canRecordComplaint,
  canSeeComplaint,
} from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { availableActions } from "./complaint-actions.rules";
import { findTimeline, recordEvent, sendToCustomer } from "./complaint-events.queries";
import {
  type ComplaintPolicy,
  loadPolicy,
  newReference,
  requireHandler,
  routeToHandler,
} from "./complaint-policy";
import type { CreateComplaintInput } from "./complaints.schemas";
import { thanksMessage } from "./customer-messages.rules";
import { departmentFor } from "./routing.rules";
import { acknowledgeDueAt, clock, outcomeOf, resolveDueAt, type Severity } from "./sla.rules";
import { type ComplaintState, isOpen } from "./workflow.rules";

export type ComplaintRow = typeof complaints.$inferSelect;

export type NewComplaint = {
  accountId: number;
  contactId: number | null;
  contactName: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: Severity;
  description: string;
  customerRequest: string | null;
  receivedAt: number;
  publicEmail: string | null;
  handlerId: string | null;
  locale: Locale;
  createdById: string | null;
};

/**
 * Inserts a complaint with its promised times and department, the "created" event, and the automatic thanks
 * (public reply + outbox). One with nobody named is routed to a service agent at once (issue #12 §3), so a
 * person owns every complaint from the start. Call inside the caller's immediate transaction.
 */
export function insertComplaint(
  db: Db,
  c: NewComplaint,
  policy: ComplaintPolicy,
  now: number,
): { id: number; reference: string; ackDueAt: number; resolveDueAt: number } {
  const reference = newReference(db);
  const ackDue = acknowledgeDueAt(c.receivedAt, c.severity, policy.promisedTimes);
  const resolveDue = resolveDueAt(c.receivedAt, c.severity, policy.promisedTimes);
  const routed = c.handlerId === null ? routeToHandler(db) : null;
  const row = db
    .insert(complaints)
    .values({
      reference,
      accountId: c.accountId,
      contactId: c.contactId,
      channel: c.channel,
      category: c.category,
      severity: c.severity,
      description: c.description,
      customerRequest: c.customerRequest,
      department: departmentFor(c.category, policy.routing),
      handlerId: c.handlerId ?? routed?.id ?? null,
      receivedAt: c.receivedAt,
      ackDueAt: ackDue,
      resolveDueAt: resolveDue,
      dueAt: ackDue,
      publicEmail: c.publicEmail,
      locale: c.locale,
      createdById: c.createdById,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: complaints.id })
    .get();
  recordEvent(db, {
    complaintId: row.id,
    kind: "created",
    actorId: c.createdById,
    at: now,
    toStatus: "received",
    message: c.channel,
  });
  if (routed) {
    recordEvent(db, { complaintId: row.id, kind: "assigned", actorId: null, at: now, message: routed.name });
  }
  const promise = policy.promisedTimes[c.severity];
  const thanks = thanksMessage(c.locale, { reference, name: c.contactName, ...promise });
  sendToCustomer(db, { complaintId: row.id, to: c.publicEmail, ...thanks, actorId: null, at: now });
  return { id: row.id, reference, ackDueAt: ackDue, resolveDueAt: resolveDue };
}

/**
 * Staff intake from any channel, on an existing or a new contact of the account. `assignToActor: false` (the
 * REST API) routes it to a service agent like a public complaint instead of the person recording it.
 */
export function createComplaint(
  db: Db,
  actor: Actor,
  input: CreateComplaintInput,
  now = Date.now(),
  options: { assignToActor?: boolean } = {},
) {
  return inTransaction(db, (t) => {
    const account = t
      .select({ id: accounts.id, ownerId: accounts.ownerId })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .get();
    if (!account) throw notFound("Account");
    if (!canRecordComplaint(actor, account)) {
      throw forbidden("You can record complaints only on accounts you own.");
    }
    let contact: { id: number; name: string; email: string | null } | null = null;
    if (input.contactId) {
      contact =
        t
          .select({ id: contacts.id, name: contacts.name, email: contacts.email })
          .from(contacts)
          .where(and(eq(contacts.id, input.contactId), eq(contacts.accountId, account.id)))
          .get() ?? null;
      if (!contact) {
        throw new FieldError(
          "BAD_REQUEST",
          { contactId: ["contactNotOnAccount"] },
          "Choose a contact of this account.",
        );
      }
    } else if (input.newContact) {
      const c = input.newContact;
      contact = t
        .insert(contacts)
        .values({
          accountId: account.id,
          name: c.name,
          email: c.email ?? null,
          phone: c.phone ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: contacts.id, name: contacts.name, email: contacts.email })
        .get();
    }
    const receivedAt = input.receivedAt ?? now;
    if (receivedAt > now) {
      throw new FieldError(
        "BAD_REQUEST",
        { receivedAt: ["inFuture"] },
        "A complaint cannot be received in the future.",
      );
    }
    const handlerId = input.handlerId
      ? requireHandler(t, input.handlerId).id
      : canHandleComplaints(actor) && options.assignToActor !== false
        ? actor.id
        : null;
    const policy = loadPolicy(t);
    const created = insertComplaint(
      t,
      {
        accountId: account.id,
        contactId: contact?.id ?? null,
        contactName: contact?.name ?? null,
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        description: input.description,
        customerRequest: input.customerRequest ?? null,
        receivedAt,
        publicEmail: input.publicEmail ?? contact?.email?.toLowerCase() ?? null,
        handlerId,
        locale: input.locale ?? "en",
        createdById: actor.id,
      },
      policy,
      now,
    );
    recordAudit(t, {
      actorId: actor.id,
      action: "complaint.create",
      entity: "complaint",
      entityId: created.id,
      after: { reference: created.reference, accountId: account.id, category: input.category },
      at: now,
    });
    return created;
  });
}

export function requireComplaint(db: Db, id: number): ComplaintRow {
  const row = db.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!row) throw notFound("Complaint");
  return row;
}

/** Both promises' clocks and the outcome so far, as lists and the complaint page show them. */
export function clocksOf(
  c: Pick<
    ComplaintRow,
    "receivedAt" | "ackDueAt" | "resolveDueAt" | "acknowledgedAt" | "resolvedAt" | "closedAt"
  >,
  now: number,
) {
  return {
    acknowledge: clock({ startAt: c.receivedAt, dueAt: c.ackDueAt, doneAt: c.acknowledgedAt, now }),
    resolve: clock({
      startAt: c.receivedAt,
      dueAt: c.resolveDueAt,
      doneAt: c.resolvedAt ?? c.closedAt,
      now,
    }),
    outcome: outcomeOf({
      acknowledgedAt: c.acknowledgedAt,
      confirmedAt: c.resolvedAt,
      closed: c.closedAt !== null,
      resolveDueAt: c.resolveDueAt,
      now,
    }),
  };
}

/** One complaint for staff: the row, names, clocks, the actions this person may take, and the timeline. */
export function getComplaint(db: Db, actor: Actor, id: number, now = Date.now()) {
  const row = db
    .select({
      complaint: complaints,
      accountName: accounts.name,
      accountOwnerId: accounts.ownerId,
      contactName: contacts.name,
      contactEmail: contacts.email,
      contactPhone: contacts.phone,
    })
    .from(complaints)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .leftJoin(contacts, eq(contacts.id, complaints.contactId))
    .where(eq(complaints.id, id))
    .get();
  if (!row || !canSeeComplaint(actor, { ownerId: row.accountOwnerId })) throw notFound("Complaint");
  const c = row.complaint;
  const names = userNames(db, [c.handlerId, c.approvedById, c.confirmedById, c.createdById]);
  const policy = loadPolicy(db);
  const canHandle = canHandleComplaints(actor);
  const canApprove = canApproveRemedies(actor);
  return {
    ...c,
    accountName: row.accountName,
    contact: c.contactId
      ? { id: c.contactId, name: row.contactName, email: row.contactEmail, phone: row.contactPhone }
      : null,
    handlerName: c.handlerId ? (names.get(c.handlerId) ?? null) : null,
    approvedByName: c.approvedById ? (names.get(c.approvedById) ?? null) : null,
    confirmedByName: c.confirmedById ? (names.get(c.confirmedById) ?? null) : null,
    createdByName: c.createdById ? (names.get(c.createdById) ?? null) : null,
    open: isOpen(c.status as ComplaintState),
    clocks: clocksOf(c, now),
    needsApproval: c.remedyValue !== null && c.remedyValue > policy.approvalLimit,
    actions: availableActions(c.status as ComplaintState, {
      canHandle,
      canApprove,
      hasFindings: c.rootCause !== null,
      remedyValue: c.remedyValue,
      approvalLimit: policy.approvalLimit,
    }),
    permissions: {
      canHandle,
      canApprove,
      canAddNote: canRecordComplaint(actor, { ownerId: row.accountOwnerId }),
      canReply: canHandle,
    },
    timeline: findTimeline(db, c.id),
  };
}

function userNames(db: Db, ids: (string | null)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted))
    .all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** An account's complaints, newest first (the account page). */
export function listAccountComplaints(
  db: Db,
  actor: Actor,
  params: { accountId: number; limit: number },
  now = Date.now(),
) {
  const account = db
    .select({ ownerId: accounts.ownerId })
    .from(accounts)
    .where(eq(accounts.id, params.accountId))
    .get();
  if (!account) throw notFound("Account");
  if (!canSeeComplaint(actor, account)) throw forbidden("You can see complaints only on accounts you own.");
  const rows = db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      category: complaints.category,
      severity: complaints.severity,
      status: complaints.status,
      channel: complaints.channel,
      receivedAt: complaints.receivedAt,
      ackDueAt: complaints.ackDueAt,
      resolveDueAt: complaints.resolveDueAt,
      acknowledgedAt: complaints.acknowledgedAt,
      resolvedAt: complaints.resolvedAt,
      closedAt: complaints.closedAt,
      handlerName: users.name,
    })
    .from(complaints)
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(eq(complaints.accountId, params.accountId))
    .orderBy(desc(complaints.receivedAt), desc(complaints.id))
    .limit(params.limit)
    .all();
  return { items: rows.map((r) => ({ ...r, clocks: clocksOf(r, now) })) };
}

/** What the staff forms offer: the settings' lists and who may handle complaints. */
export function getComplaintOptions(db: Db) {
  const policy = loadPolicy(db);
  const handlers = db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...COMPLAINT_HANDLERS])))
    .orderBy(asc(users.name), asc(users.id))
    .all();
  return { ...policy, handlers };
}
