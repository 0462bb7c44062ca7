// Records broken promises (issue #5 §2): an open complaint not acknowledged by its acknowledgement time, or
// not resolved by its resolution time. Exactly at the due moment is still on time (sla.rules.ts clock); one
// millisecond later it is breached. Each breach is recorded once, with a timeline event.
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordEvent } from "./complaint-events.queries";

export function recordBreaches(db: Db, params: { asOf: number }): { acknowledge: number; resolve: number } {
  const now = params.asOf;
  return inTransaction(db, (t) => {
    // due_at is the earlier of the open promises, so every breach candidate has due_at < now (index range).
    const candidates = t
      .select({
        id: complaints.id,
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
          sql`(${complaints.ackBreachedAt} IS NULL OR ${complaints.resolveBreachedAt} IS NULL)`,
        ),
      )
      .all();
    let acknowledge = 0;
    let resolve = 0;
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
        acknowledge += 1;
        recordEvent(t, {
          complaintId: c.id,
          kind: "breach",
          actorId: null,
          at: now,
          message: "acknowledge",
        });
      }
      if (res) {
        resolve += 1;
        recordEvent(t, { complaintId: c.id, kind: "breach", actorId: null, at: now, message: "resolve" });
      }
    }
    return { acknowledge, resolve };
  });
}
