// Lapse (issue #3 §1): an active account with no order for longer than the lapse window becomes lapsed at the
// exact moment its window ran out (last order + window), keeps its rung, and gets a system ladder move.
// Evaluated as of a given time, set-wise, on accounts_status_last_order_idx; safe to run again (only active
// accounts are considered, so nobody lapses twice).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Rung } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
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
