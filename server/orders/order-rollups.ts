// The executive rollup of orders per account and period (account_period_activity, migration 0009) is kept by
// triggers, one order at a time: for each new order two upserts (month and quarter), and for each new period
// row three more updates to link it (prev, cohort) — each touching the table's two wide indexes. For a large
// batch (an import) that per-row work was the largest part of the write transaction (issue #11 §1: 17 of 51 s
// for a 100,000-line file on the bench database), so a batch sets the two triggers aside inside its own
// transaction and does the same work set-wise: one grouped upsert, one relinking pass over the accounts it
// touched. DDL is transactional in SQLite: no other connection ever sees the triggers missing, and a failure or
// a crash rolls the whole thing back, triggers included. The triggers are put back from their own stored SQL.
import type { Db } from "@/db/client";

/** From this many orders in one batch the rollup is written set-wise (below it the triggers are cheaper). */
export const SET_WISE_ROLLUP_MIN_ORDERS = 500;

const TRIGGERS = ["orders_activity_insert", "apa_links_insert"];

const MONTH = `(CAST(strftime('%Y', o.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12
  + CAST(strftime('%m', o.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1)`;

// The same rows and sums the per-order trigger writes, grouped: a period's orders, revenue and margin added to
// what is stored; a new period row starts as its own cohort, linked below.
const UPSERT = `
  INSERT INTO account_period_activity (account_id, grain, period, cohort, prev, orders, revenue, margin)
  SELECT account_id, grain, period, period, NULL, n, r, m FROM (
    SELECT o.account_id, g.grain, ${MONTH} / g.grain AS period, count(*) AS n, sum(o.amount) AS r,
      sum(o.margin) AS m
    FROM orders o, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g
    WHERE o.id IN (SELECT value FROM json_each(?))
    GROUP BY o.account_id, g.grain, period
  ) WHERE true
  ON CONFLICT (account_id, grain, period) DO UPDATE SET orders = orders + excluded.orders,
    revenue = revenue + excluded.revenue, margin = margin + excluded.margin`;

// What apa_links_insert keeps row by row: prev is the account's previous period with orders, cohort its first.
const RELINK = `
  UPDATE account_period_activity SET prev = w.prev, cohort = w.cohort
  FROM (
    SELECT account_id AS a, grain AS g, period AS p, lag(period) OVER win AS prev, min(period) OVER win AS cohort
    FROM account_period_activity WHERE account_id IN (SELECT value FROM json_each(?))
    WINDOW win AS (PARTITION BY account_id, grain ORDER BY period)
  ) AS w
  WHERE account_period_activity.account_id = w.a AND account_period_activity.grain = w.g
    AND account_period_activity.period = w.p
    AND (account_period_activity.prev IS NOT w.prev OR account_period_activity.cohort IS NOT w.cohort)`;

/**
 * Runs `insert` (which inserts orders and returns their ids) with the rollup triggers set aside, then writes
 * the rollup for those orders set-wise. Only inside the caller's write transaction; otherwise, or when the
 * triggers are not there, `insert` runs as it is.
 */
export function insertOrdersSetWise<T extends { id: number }>(
  db: Db,
  accountIds: readonly number[],
  insert: () => T[],
): T[] {
  const sqlite = db.$client;
  const saved = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => "?").join(", ")})`,
    )
    .all(...TRIGGERS) as { name: string; sql: string }[];
  if (!sqlite.inTransaction || saved.length !== TRIGGERS.length) return insert();
  for (const t of saved) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  try {
    const rows = insert();
    sqlite.prepare(UPSERT).run(JSON.stringify(rows.map((r) => r.id)));
    sqlite.prepare(RELINK).run(JSON.stringify(accountIds));
    return rows;
  } finally {
    for (const t of saved) sqlite.exec(t.sql);
  }
}
