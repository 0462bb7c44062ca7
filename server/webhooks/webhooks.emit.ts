// The one way a domain tells the outside world something happened (issue #15 §3): emitWebhookEvents, called in
// the transaction that recorded the fact (a ladder move, a closed deal, a complaint event). It only writes
// queue rows, one per subscribed endpoint, so the request that caused the event never waits for a receiver and
// a rolled-back write sends nothing; the delivery job sends them. Without endpoints it costs one small read.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { WebhookEvent } from "@/db/schema";

export type EventToEmit = {
  event: WebhookEvent;
  /** When it happened (ms). */
  at: number;
  /** The account it concerns; the payload names it by id, external reference and name. */
  accountId: number;
  data: Record<string, unknown>;
};

type Listener = () => void;
// On globalThis: Next bundles instrumentation (where the job listens) apart from the route handlers (where events
// are emitted), each with its own copy of this module.
const shared = globalThis as unknown as { webhookQueueListeners?: Set<Listener> };
shared.webhookQueueListeners ??= new Set<Listener>();
const listeners = shared.webhookQueueListeners;

/** The delivery job listens, to send soon after an event instead of at its next tick. */
export function onWebhookEventsQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether any active endpoint wants this event: lets a caller skip building a payload nobody receives. */
export function wantsWebhookEvent(db: Db, event: WebhookEvent): boolean {
  return (
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM webhook_endpoints, json_each(webhook_endpoints.events) e
          WHERE webhook_endpoints.active = 1 AND e.value = ${event}`,
    )?.n !== 0
  );
}

export function emitWebhookEvents(db: Db, events: readonly EventToEmit[], now = Date.now()): number {
  if (events.length === 0) return 0;
  const endpoints = db.all<{ id: number; events: string }>(
    sql`SELECT id, events FROM webhook_endpoints WHERE active = 1`,
  );
  if (endpoints.length === 0) return 0;
  const wants = endpoints.map((e) => ({ id: e.id, events: new Set(JSON.parse(e.events) as string[]) }));
  const subscribed = events.filter((e) => wants.some((w) => w.events.has(e.event)));
  if (subscribed.length === 0) return 0;
  const accountIds = [...new Set(subscribed.map((e) => e.accountId))];
  const accountOf = new Map(
    db
      .all<{ id: number; ref: string | null; name: string }>(
        sql`SELECT id, external_ref AS ref, name FROM accounts WHERE id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)}))`,
      )
      .map((a) => [a.id, a]),
  );
  const rows: unknown[][] = [];
  for (const e of subscribed) {
    const payload = JSON.stringify({
      type: e.event,
      timestamp: new Date(e.at).toISOString(),
      data: { account: accountOf.get(e.accountId) ?? { id: e.accountId }, ...e.data },
    });
    for (const w of wants) {
      if (w.events.has(e.event))
        rows.push([w.id, `msg_${randomUUID().replaceAll("-", "")}`, e.event, payload]);
    }
  }
  db.run(sql`
    INSERT INTO webhook_deliveries (endpoint_id, message_id, event, payload, status, attempts, next_attempt_at, created_at)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, 'pending', 0, ${now}, ${now}
    FROM json_each(${JSON.stringify(rows)}) ORDER BY key`);
  announceQueued();
  return rows.length;
}

/** Wakes the delivery job; after the caller's transaction commits (the job reads only committed rows). */
export function announceQueued(): void {
  setImmediate(() => {
    for (const listener of listeners) listener();
  });
}

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export type LadderMoveFact = {
  accountId: number;
  fromRung: string | null;
  toRung: string;
  fromStatus: string | null;
  toStatus: string;
  at: number;
  reason: string | null;
};

/**
 * The events one ladder move means: a new rung is "account.moved"; a status change is "account.lapsed",
 * "account.lost" or "account.won_back" (a move can be both). Entering the ladder (no previous rung) is neither.
 */
export function ladderMoveEvents(m: LadderMoveFact): EventToEmit[] {
  if (m.fromRung === null) return [];
  const move = {
    fromRung: m.fromRung,
    toRung: m.toRung,
    fromStatus: m.fromStatus,
    toStatus: m.toStatus,
    reason: m.reason,
    at: iso(m.at),
  };
  const out: EventToEmit[] = [];
  if (m.fromRung !== m.toRung)
    out.push({ event: "account.moved", at: m.at, accountId: m.accountId, data: move });
  if (m.fromStatus !== m.toStatus) {
    const event =
      m.toStatus === "lapsed"
        ? "account.lapsed"
        : m.toStatus === "lost"
          ? "account.lost"
          : m.toStatus === "active" && (m.fromStatus === "lapsed" || m.fromStatus === "lost")
            ? "account.won_back"
            : null;
    if (event) out.push({ event, at: m.at, accountId: m.accountId, data: move });
  }
  return out;
}
