// Lapse (issue #3 §1): an active account with no order for longer than the lapse window becomes lapsed at the
// exact moment its window ran out (last order + window), keeps its rung, and gets a system ladder move.
// Evaluated as of a given time, set-wise, on accounts_status_last_order_idx; safe to run again (only active
// accounts are considered, so nobody lapses twice).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Rung } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { runInSlices } from "@/lib/slices";
import { getSetting } from "../settings/settings.queries";
import { emitWebhookEvents, ladderMoveEvents } from "../webhooks/webhooks.emit";
import { ladderSettings } from "./ladder.settings";

const DAY = 86_400_000;

export function evaluateLapse(
  db: Db,
  params: { asOf: number; windowDays?: number; accountIds?: readonly number[] },
): { lapsed: number } {
  const windowDays = params.windowDays ?? getSetting(db, ladderSettings.lapseWindowDays);
  const windowMs = windowDays * DAY;
  const only = params.accountIds
    ? sql`AND id IN (SELECT value FROM json_each(${JSON.stringify(params.accountIds)}))`
    : sql``;
  const due = sql`status = 'active' AND last_order_at IS NOT NULL AND last_order_at < ${params.asOf - windowMs} ${only}`;
  return inTransaction(db, (tx) => {
    const moves = tx.all<{ accountId: number; rung: Rung; at: number }>(sql`
        INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
        SELECT id, rung, rung, 'active', 'lapsed', last_order_at + ${windowMs}, NULL, 'lapsed',
               json_object('lastOrderAt', last_order_at, 'windowDays', ${windowDays})
        FROM accounts WHERE ${due}
        RETURNING account_id AS accountId, to_rung AS rung, at`);
    emitWebhookEvents(
      tx,
      moves.flatMap((m) =>
        ladderMoveEvents({
          accountId: m.accountId,
          fromRung: m.rung,
          toRung: m.rung,
          fromStatus: "active",
          toStatus: "lapsed",
          at: m.at,
          reason: "lapsed",
        }),
      ),
    );
    const result = tx.run(sql`
        UPDATE accounts SET status = 'lapsed', status_since = last_order_at + ${windowMs},
               updated_at = ${Date.now()}
        WHERE ${due}`);
    return { lapsed: result.changes };
  });
}

/**
 * Accounts lapsed per write transaction by the job (about: accounts whose last orders tie go together). A lapse
 * writes a move, its webhooks and the rollups: 1–2 ms each on the 100k-account bench.
 */
export const LAPSE_SLICE = 5;

/**
 * Lapses every account due as of `asOf`, a slice at a time (what the hourly job runs): each slice is
 * evaluateLapse as of an earlier moment, which lapses the due accounts with the oldest last orders, each its own
 * write transaction, with `pause` (the event loop) between them. A lapse's move, time and webhook depend on the
 * account's last order and the window only, so the slices write exactly what one run as of `asOf` would.
 */
export async function lapseDueAccounts(
  db: Db,
  params: { asOf: number; slice?: number; pause?: () => Promise<void> },
): Promise<{ lapsed: number }> {
  const windowDays = getSetting(db, ladderSettings.lapseWindowDays);
  const windowMs = windowDays * DAY;
  const slice = params.slice ?? LAPSE_SLICE;
  let lapsed = 0;
  await runInSlices(() => {
    // The last order of the slice-th due account: this slice lapses the accounts whose last order is up to it.
    const bound = db.get<{ at: number } | undefined>(sql`
      SELECT last_order_at AS at FROM accounts
      WHERE status = 'active' AND last_order_at IS NOT NULL AND last_order_at < ${params.asOf - windowMs}
      ORDER BY last_order_at LIMIT 1 OFFSET ${slice - 1}`);
    const asOf = bound ? Math.min(bound.at + 1 + windowMs, params.asOf) : params.asOf;
    lapsed += evaluateLapse(db, { asOf, windowDays }).lapsed;
    return asOf < params.asOf;
  }, params.pause);
  return { lapsed };
}
