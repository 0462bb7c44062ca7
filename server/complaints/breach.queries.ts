// Records broken promises (issue #5 §2): an open complaint not acknowledged by its acknowledgement time, or
// not resolved by its resolution time. Exactly at the due moment is still on time (sla.rules.ts clock); one
// millisecond later it is breached. Each breach is recorded once, with a timeline event.
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { runInSlices } from "@/lib/slices";
import { recordEvent } from "./complaint-events.queries";

type Breaches = { acknowledge: number; resolve: number };

/**
 * Records the breaches among the open complaints past due as of `now`, in (due_at, id) order after `after`,
 * `limit` of them at most; returns where it stopped (undefined when it saw them all). Call in a transaction.
 */
function recordSome(
  t: Db,
  now: number,
  found: Breaches,
  after: { dueAt: number; id: number } | null,
  limit: number,
): { dueAt: number; id: number } | undefined {
  // due_at is the earlier of the open promises, so every breach candidate has due_at < now (index range).
  const candidates = t
    .select({
      id: complaints.id,
      dueAt: complaints.dueAt,
      ackDueAt: complaints.ackDueAt,
      resolveDueAt: complaints.resolveDueAt,
      acknowledgedAt: complaints.acknowledgedAt,
      resolvedAt: complaints.resolvedAt,
      ackBreachedAt: complaints.ackBreachedAt,
      resolveBreachedAt: complaints.resolveBreachedAt,
    })
    .from(complaints)
    .where(
      and(
        isNotNull(complaints.dueAt),
        lt(complaints.dueAt, now),
        after ? sql`(${complaints.dueAt}, ${complaints.id}) > (${after.dueAt}, ${after.id})` : undefined,
        sql`(${complaints.ackBreachedAt} IS NULL OR ${complaints.resolveBreachedAt} IS NULL)`,
      ),
    )
    .orderBy(complaints.dueAt, complaints.id)
    .limit(limit)
    .all();
  for (const c of candidates) {
    const ack = c.acknowledgedAt === null && c.ackBreachedAt === null && c.ackDueAt < now;
    const res = c.resolvedAt === null && c.resolveBreachedAt === null && c.resolveDueAt < now;
    if (!ack && !res) continue;
    t.update(complaints)
      .set({
        ...(ack ? { ackBreachedAt: now } : {}),
        ...(res ? { resolveBreachedAt: now } : {}),
      })
      .where(eq(complaints.id, c.id))
      .run();
    if (ack) {
      found.acknowledge += 1;
      recordEvent(t, {
        complaintId: c.id,
        kind: "breach",
        actorId: null,
        at: now,
        message: "acknowledge",
      });
    }
    if (res) {
      found.resolve += 1;
      recordEvent(t, { complaintId: c.id, kind: "breach", actorId: null, at: now, message: "resolve" });
    }
  }
  const last = candidates.at(-1);
  return candidates.length === limit && last ? { dueAt: last.dueAt ?? 0, id: last.id } : undefined;
}

export function recordBreaches(db: Db, params: { asOf: number }): Breaches {
  const found = { acknowledge: 0, resolve: 0 };
  inTransaction(db, (t) => recordSome(t, params.asOf, found, null, -1));
  return found;
}

/** Complaints looked at per write transaction by the job. */
export const BREACH_SLICE = 10;

/**
 * The same as recordBreaches, `slice` candidates per write transaction in due order, yielding to the event loop
 * (`pause`) between slices (what the job runs). A complaint's breach and its timeline event go together.
 */
export async function recordBreachesInSlices(
  db: Db,
  params: { asOf: number; slice?: number; pause?: () => Promise<void> },
): Promise<Breaches> {
  const found = { acknowledge: 0, resolve: 0 };
  let after: { dueAt: number; id: number } | null = null;
  await runInSlices(() => {
    after =
      inTransaction(db, (t) => recordSome(t, params.asOf, found, after, params.slice ?? BREACH_SLICE)) ??
      null;
    return after !== null;
  }, params.pause);
  return found;
}
