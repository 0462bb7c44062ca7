// The one way an order changes an account (issue #14 §4, architecture rule 15). The order form, the order
// import, a won deal's order and the REST API all record orders through recordOrders, so an account ends up in
// the same state whichever way its orders arrived.
import { sql } from "drizzle-orm";
import { bulkWrite, SET_WISE_MIN_ROWS } from "@/db/bulk-rollups";
import type { Db } from "@/db/client";
import type { AccountStatus, Rung } from "@/db/schema";
import { type StepTrace, timed } from "@/lib/step-trace";
import { ladderMovesForOrders, type OrderOnLadder } from "../ladder/ladder.rules";
import { ladderSettings } from "../ladder/ladder.settings";
import { evaluateLapse } from "../ladder/lapse.queries";
import { createCheckInsForOrders } from "../levels/cadence.queries";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { getSetting } from "../settings/settings.queries";
import { emitWebhookEvents, type LadderMoveFact, ladderMoveEvents } from "../webhooks/webhooks.emit";

const DAY = 86_400_000;

/** An order to record; amounts and margins in minor units, orderedAt in ms since the epoch. */
export type OrderToRecord = {
  accountId: number;
  externalRef: string | null;
  orderedAt: number;
  amount: number;
  margin: number;
  category: string | null;
};

export type RecordedOrder = OrderToRecord & { id: number; createdAt: number };

export type RecordOrdersResult = {
  /** The new orders, in the order they were given. */
  orders: RecordedOrder[];
  /** Each account that got an order, as it stands afterwards. */
  accounts: { id: number; rung: Rung; status: AccountStatus }[];
  /** Ids of the check-in tasks created. */
  checkInTaskIds: number[];
};

/**
 * Records orders and what they do to their accounts. Call it inside the caller's immediate write transaction
 * (it does no permission check and writes no audit row for the orders: the caller knows who acts and why).
 *
 * For every account that got an order:
 * 1. its order figures (first and last order, count, revenue, margin) are recomputed from its orders;
 * 2. ladder moves dated at the orders that caused them (ladderMovesForOrders): first order → first-time
 *    buyer, second → repeat customer, an order after a lapse or loss → won back; by the system (no user);
 * 3. lapse is evaluated as of `asOf` (an order typed in or imported from long ago leaves the account lapsed);
 * 4. the recommended relationship level is recomputed (the margin changed);
 * 5. an accountable account with an owner gets a check-in call for each recent new order (audited as
 *    created by `actorId`).
 * A duplicate (account, external reference) throws SQLite's UNIQUE error; the caller decides what it means.
 */
export function recordOrders(
  db: Db,
  params: {
    orders: readonly OrderToRecord[];
    asOf: number;
    actorId: string | null;
    /** Milliseconds per step, for the bench (lib/step-trace.ts). */
    trace?: StepTrace;
    /** The rollups set-wise rather than through their triggers (db/bulk-rollups.ts); default from
     * SET_WISE_MIN_ROWS orders. Inside another bulk write (an import) the orders join it whatever this says. */
    setWiseRollups?: boolean;
  },
): RecordOrdersResult {
  if (params.orders.length === 0) return { orders: [], accounts: [], checkInTaskIds: [] };
  // One statement for any number of orders: the list travels as one JSON parameter.
  const rows = params.orders.map((o, i) => [
    i,
    o.accountId,
    o.externalRef,
    o.orderedAt,
    o.amount,
    o.margin,
    o.category,
  ]);
  const accountIds = [...new Set(params.orders.map((o) => o.accountId))];
  // A large batch keeps the rollups set-wise rather than through the per-row triggers.
  return bulkWrite(db, accountIds, () => writeOrders(db, params, rows, accountIds), {
    setWise: params.setWiseRollups ?? params.orders.length >= SET_WISE_MIN_ROWS,
    trace: params.trace,
  });
}

function writeOrders(
  db: Db,
  params: Parameters<typeof recordOrders>[1],
  rows: unknown[][],
  accountIds: number[],
): RecordOrdersResult {
  const { asOf, trace } = params;
  const inserted = timed(trace, "tx:orders insert", () =>
    db.all<{ id: number }>(sql`
      INSERT INTO orders (account_id, external_ref, ordered_at, amount, margin, category, created_at)
      SELECT value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, ${asOf}
      FROM json_each(${JSON.stringify(rows)}) ORDER BY key
      RETURNING id`),
  );
  // RETURNING gives rows in no promised order; ids are assigned in insertion (key) order, so sort them.
  const ids = inserted.map((r) => r.id).sort((a, b) => a - b);
  const orders = params.orders.map((o, i) => ({ ...o, id: ids[i] as number, createdAt: asOf }));
  const scope = JSON.stringify(accountIds);

  // Every account in scope has at least one order (it just got one): one grouped pass over their orders.
  timed(trace, "tx:account totals", () =>
    db.run(sql`UPDATE accounts SET first_order_at = t.f, last_order_at = t.l, order_count = t.n, revenue = t.r,
        margin = t.m, updated_at = ${asOf}
      FROM (SELECT account_id AS id, min(ordered_at) AS f, max(ordered_at) AS l, count(*) AS n,
          coalesce(sum(amount), 0) AS r, coalesce(sum(margin), 0) AS m
        FROM orders WHERE account_id IN (SELECT value FROM json_each(${scope})) GROUP BY account_id) AS t
      WHERE accounts.id = t.id`),
  );

  moveOnLadder(db, scope, trace);
  timed(trace, "tx:lapse", () => evaluateLapse(db, { asOf, accountIds }));
  timed(trace, "tx:levels", () => recomputeRecommendedLevels(db, { asOf, accountIds }));
  const checkInTaskIds = timed(trace, "tx:check-in tasks", () =>
    createCheckInsForOrders(db, { orderIds: orders.map((o) => o.id), asOf, actorId: params.actorId }),
  );
  const states = db.all<{ id: number; rung: Rung; status: AccountStatus }>(
    sql`SELECT id, rung, status FROM accounts WHERE id IN (SELECT value FROM json_each(${scope}))`,
  );
  return { orders, accounts: states, checkInTaskIds };
}

type AccountRow = {
  id: number;
  rung: Rung;
  rungSince: number;
  status: AccountStatus;
  statusSince: number;
};

/** Applies ladderMovesForOrders to every account in scope, set-wise: one read of the orders that matter. */
function moveOnLadder(db: Db, scope: string, trace?: StepTrace): void {
  const windowDays = getSetting(db, ladderSettings.lapseWindowDays);
  const states = db.all<AccountRow>(sql`
    SELECT id, rung, rung_since AS rungSince, status, status_since AS statusSince
    FROM accounts WHERE id IN (SELECT value FROM json_each(${scope}))`);
  // Each account's first two orders by date, its last order on or before its last status change, and every
  // order after that change: what ladderMovesForOrders needs, in one pass over the accounts' orders.
  const relevant = timed(trace, "tx:ladder: read orders", () =>
    db.all<OrderOnLadder & { accountId: number }>(sql`
    SELECT accountId, id, externalRef, orderedAt, n FROM (
      SELECT o.account_id AS accountId, o.id, o.external_ref AS externalRef, o.ordered_at AS orderedAt,
        row_number() OVER w AS n, lead(o.ordered_at) OVER w AS nextAt, a.status_since AS statusSince
      FROM orders o JOIN accounts a ON a.id = o.account_id
      WHERE o.account_id IN (SELECT value FROM json_each(${scope}))
      WINDOW w AS (PARTITION BY o.account_id ORDER BY o.ordered_at, o.id)
    ) WHERE n <= 2 OR orderedAt > statusSince OR nextAt > statusSince OR nextAt IS NULL`),
  );
  const ordersOf = new Map<number, OrderOnLadder[]>();
  for (const { accountId, ...o } of relevant) {
    const list = ordersOf.get(accountId);
    if (list) list.push(o);
    else ordersOf.set(accountId, [o]);
  }
  const moves: unknown[][] = [];
  // Rung and status are written apart, each only where it changed: each is in 7 of the accounts table's indexes,
  // and an UPDATE that sets an indexed column rewrites its index entries even when the value is the same.
  const rungChanged: unknown[][] = [];
  const statusChanged: unknown[][] = [];
  for (const account of states) {
    const { id, ...state } = account;
    const planned = ladderMovesForOrders(state, ordersOf.get(id) ?? [], windowDays * DAY);
    if (planned.moves.length === 0) continue;
    for (const m of planned.moves) {
      // The same evidence the lapse job and the order form have always written.
      const evidence =
        m.reason === "lapsed"
          ? { lastOrderAt: m.order.orderedAt, windowDays }
          : {
              orderId: m.order.id,
              externalRef: m.order.externalRef,
              orderedAt: m.order.orderedAt,
              orderCount: m.order.n,
            };
      moves.push([
        id,
        m.fromRung,
        m.toRung,
        m.fromStatus,
        m.toStatus,
        m.at,
        m.reason,
        JSON.stringify(evidence),
      ]);
    }
    const a = planned.after;
    if (a.rung !== state.rung || a.rungSince !== state.rungSince) rungChanged.push([id, a.rung, a.rungSince]);
    if (a.status !== state.status || a.statusSince !== state.statusSince)
      statusChanged.push([id, a.status, a.statusSince]);
  }
  if (moves.length === 0) return;
  timed(trace, "tx:ladder: insert moves", () =>
    db.run(sql`
    INSERT INTO ladder_moves (account_id, from_rung, to_rung, from_status, to_status, at, by_user_id, reason, evidence)
    SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, NULL, value ->> 6, value ->> 7
    FROM json_each(${JSON.stringify(moves)}) ORDER BY key`),
  );
  emitWebhookEvents(
    db,
    moves.flatMap(([accountId, fromRung, toRung, fromStatus, toStatus, at, reason]) =>
      ladderMoveEvents({ accountId, fromRung, toRung, fromStatus, toStatus, at, reason } as LadderMoveFact),
    ),
  );
  timed(trace, "tx:ladder: update accounts", () => {
    if (rungChanged.length)
      db.run(sql`
        UPDATE accounts SET rung = c.value ->> 1, rung_since = c.value ->> 2
        FROM json_each(${JSON.stringify(rungChanged)}) AS c WHERE accounts.id = c.value ->> 0`);
    if (statusChanged.length)
      db.run(sql`
        UPDATE accounts SET status = c.value ->> 1, status_since = c.value ->> 2,
          lost_reason = CASE WHEN c.value ->> 1 = 'active' THEN NULL ELSE lost_reason END
        FROM json_each(${JSON.stringify(statusChanged)}) AS c WHERE accounts.id = c.value ->> 0`);
  });
}
