// The complaint's timeline and the outbox. Every write to a complaint records one event here, inside the
// write's transaction; messages to the customer are also queued in the outbox and shown on the status page.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  type ComplaintEventKind,
  complaintEvents,
  complaints,
  outbox,
  users,
  type WebhookEvent,
} from "@/db/schema";
import { emitWebhookEvents, wantsWebhookEvent } from "../webhooks/webhooks.emit";
import { outcomeOf } from "./sla.rules";
import type { ComplaintState } from "./workflow.rules";

export type NewEvent = {
  complaintId: number;
  kind: ComplaintEventKind;
  actorId: string | null;
  at: number;
  fromStatus?: ComplaintState | null;
  toStatus?: ComplaintState | null;
  message?: string | null;
  isPublic?: boolean;
};

/** The webhook event a timeline event means, if any (issue #15 §3): received, a promise broken, closed. */
function webhookEventOf(event: NewEvent): WebhookEvent | null {
  if (event.kind === "created") return "complaint.received";
  if (event.kind === "breach") return "complaint.breached";
  if (event.toStatus === "closed") return "complaint.closed";
  return null;
}

export function recordEvent(db: Db, event: NewEvent): void {
  const hook = webhookEventOf(event);
  if (hook && wantsWebhookEvent(db, hook)) emitComplaintEvent(db, hook, event);
  db.insert(complaintEvents)
    .values({
      complaintId: event.complaintId,
      kind: event.kind,
      actorId: event.actorId,
      at: event.at,
      fromStatus: event.fromStatus ?? null,
      toStatus: event.toStatus ?? null,
      message: event.message ?? null,
      isPublic: event.isPublic ?? false,
    })
    .run();
}

/**
 * A message to the customer: a public "reply" event (what the status page shows) and, when there is an
 * address, an outbox row waiting to be sent.
 */
export function sendToCustomer(
  db: Db,
  params: {
    complaintId: number;
    to: string | null;
    subject: string;
    body: string;
    actorId: string | null;
    at: number;
  },
): void {
  recordEvent(db, {
    complaintId: params.complaintId,
    kind: "reply",
    actorId: params.actorId,
    at: params.at,
    message: params.body,
    isPublic: true,
  });
  if (!params.to) return;
  db.insert(outbox)
    .values({
      to: params.to,
      subject: params.subject,
      body: params.body,
      complaintId: params.complaintId,
      createdAt: params.at,
    })
    .run();
}

export type TimelineEntry = {
  id: number;
  kind: ComplaintEventKind;
  fromStatus: ComplaintState | null;
  toStatus: ComplaintState | null;
  message: string | null;
  isPublic: boolean;
  actorId: string | null;
  actorName: string | null;
  at: number;
};

/** The whole timeline, oldest first (internal: for staff who may see the complaint). */
export function findTimeline(db: Db, complaintId: number): TimelineEntry[] {
  return db
    .select({
      id: complaintEvents.id,
      kind: complaintEvents.kind,
      fromStatus: complaintEvents.fromStatus,
      toStatus: complaintEvents.toStatus,
      message: complaintEvents.message,
      isPublic: complaintEvents.isPublic,
      actorId: complaintEvents.actorId,
      actorName: users.name,
      at: complaintEvents.at,
    })
    .from(complaintEvents)
    .leftJoin(users, eq(users.id, complaintEvents.actorId))
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id))
    .all();
}

/** Only what was addressed to the customer: message text and time, no names, no internal notes. */
export function findPublicReplies(db: Db, complaintId: number): { message: string; at: number }[] {
  return db
    .select({ message: complaintEvents.message, at: complaintEvents.at })
    .from(complaintEvents)
    .where(
      and(
        eq(complaintEvents.complaintId, complaintId),
        eq(complaintEvents.isPublic, true),
        eq(complaintEvents.kind, "reply"),
      ),
    )
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.id))
    .all()
    .map((r) => ({ message: r.message ?? "", at: r.at }));
}

/** Messages waiting to be sent (no mail transport is configured yet), newest first, for handlers to see. */
export function listOutbox(db: Db, params: { complaintId?: number | null; limit: number }) {
  return db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      body: outbox.body,
      complaintId: outbox.complaintId,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(params.complaintId ? eq(outbox.complaintId, params.complaintId) : isNull(outbox.sentAt))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(params.limit)
    .all();
}

function emitComplaintEvent(db: Db, hook: WebhookEvent, event: NewEvent): void {
  const c = db.select().from(complaints).where(eq(complaints.id, event.complaintId)).get();
  if (!c) return;
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  emitWebhookEvents(db, [
    {
      event: hook,
      at: event.at,
      accountId: c.accountId,
      data: {
        complaint: {
          id: c.id,
          reference: c.reference,
          status: c.status,
          channel: c.channel,
          category: c.category,
          severity: c.severity,
          receivedAt: iso(c.receivedAt),
          acknowledgeDueAt: iso(c.ackDueAt),
          resolveDueAt: iso(c.resolveDueAt),
          closedAt: iso(c.closedAt),
          ...(hook === "complaint.closed"
            ? {
                outcome: outcomeOf({
                  acknowledgedAt: c.acknowledgedAt,
                  confirmedAt: c.resolvedAt,
                  closed: true,
                  resolveDueAt: c.resolveDueAt,
                  now: event.at,
                }),
              }
            : {}),
        },
        ...(hook === "complaint.breached" ? { promise: event.message } : {}),
      },
    },
  ]);
}
