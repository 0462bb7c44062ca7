// Bulk writes and the trigger-kept rollups (issue #11 §1). Every rollup table (migrations 0009, 0021–0026) is kept
// by per-row triggers, so every writer keeps it. A bulk write — the orders import, the accounts import, an API
// batch of SET_WISE_MIN_ROWS orders or more — would pay those triggers once per row (the 100,000-line orders
// import went from 10.0 to 13.4–15.0 s when 0021–0026 landed). Inside the caller's write transaction it sets the
// triggers it would fire aside, writes, and brings each rollup up to date set-wise:
//   - a rollup that is a function of its accounts' rows (account_totals, defection_totals, the activity totals…)
//     takes the touched accounts' contribution away before the writes and adds it back after them: the same
//     GROUP BY twice, with the sign as a parameter;
//   - a rollup of the rows themselves (account_period_activity of new orders, ladder_bands_monthly of new moves)
//     is written from the rows inserted during the write (ids above the table's largest id before it);
//   - a column kept on other rows (complaints' account band and next order, surveys' next order and defection)
//     is recomputed for the touched accounts' rows, written only where it changed;
//   - a rollup moved only by a change of an account's own columns (its first order, its feedback's dimensions)
//     compares the touched accounts with a snapshot of them taken before the writes (BEFORE) and moves only what
//     changed: re-adding an unchanged contribution would rewrite its rows' pages, which the COMMIT and the
//     checkpoint then write out (bench/api-profile.ts --pages).
// The whole of it is one savepoint: DDL is transactional in SQLite, so no other connection ever sees a trigger
// missing, and a failure anywhere rolls back the writes, the rollups and the triggers together. The triggers come
// back from their own stored SQL.
//
// The rule (docs/architecture.md, rollups): a new trigger-kept rollup is added to ROLLUPS below with its set-wise
// form, or its trigger to KEPT_FIRING / NOT_FIRED_BY_BULK_WRITES. server/bulk-rollups.test.ts fails otherwise: it
// classifies every trigger of the migrated schema, records which triggers the bulk writes fire, and compares every
// rollup after the bulk writes set-wise, the same writes through the triggers, and the plain recomputation.
import type Database from "better-sqlite3";
import { type StepTrace, timed } from "@/lib/step-trace";
import type { Db } from "./client";

/** From this many rows (orders, or accounts created and updated) a write keeps the rollups set-wise. */
export const SET_WISE_MIN_ROWS = 500;

/** The touched accounts, as one JSON parameter. */
const ACCOUNTS = "(SELECT value FROM json_each(@accounts))";

const MONTH = `(CAST(strftime('%Y', o.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12
  + CAST(strftime('%m', o.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1)`;

/**
 * The touched accounts as they stood before the writes: a temp table that lives for the bulk write (inside its
 * savepoint), so a rollup can move only what changed.
 */
const BEFORE = "temp.bulk_accounts_before";
const BEFORE_COLUMNS = "id, rung, level, segment, owner_id, first_order_at";

/** An account's value of a feedback rollup dimension (0029), `d.dim`, from the row `t`. */
const DIM_VALUE = (t: string) => `CASE d.dim WHEN 'rung' THEN coalesce(${t}.rung, '')
  WHEN 'level' THEN coalesce(${t}.level, '') WHEN 'segment' THEN coalesce(${t}.segment, '')
  ELSE coalesce(${t}.owner_id, '') END`;
const DIM_CHANGED = `CASE d.dim WHEN 'rung' THEN b.rung IS NOT a.rung WHEN 'level' THEN b.level IS NOT a.level
  WHEN 'segment' THEN b.segment IS NOT a.segment ELSE b.owner_id IS NOT a.owner_id END`;
const DIM_FROM = `${BEFORE} b CROSS JOIN accounts a ON a.id = b.id,
  (SELECT 'rung' AS dim UNION ALL SELECT 'level' UNION ALL SELECT 'segment' UNION ALL SELECT 'owner') d`;
/**
 * The dimensions that changed, per account: the old value (sign -1) and the new (+1), as
 * accounts_feedback_dim_rollup_update moves them.
 */
const DIM_CHANGES = `(SELECT b.id, d.dim, ${DIM_VALUE("b")} AS value, -1 AS sign FROM ${DIM_FROM} WHERE ${DIM_CHANGED}
  UNION ALL SELECT b.id, d.dim, ${DIM_VALUE("a")}, 1 FROM ${DIM_FROM} WHERE ${DIM_CHANGED})`;

const DEFECTION = "m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost')";

const BAND = (status: string, rung: string) =>
  `CASE WHEN coalesce(${status}, 'active') = 'active' THEN ${rung} ELSE ${status} END`;

export type SetWiseRollup = {
  /** What it keeps (tables, or table.column). */
  keeps: string;
  /** The triggers a bulk write sets aside for it. */
  triggers: readonly string[];
  /**
   * The touched accounts' contribution, an upsert with `@sign`: run with -1 on the accounts the write will touch
   * before the writes, and with +1 on every touched account after them.
   */
  contribution?: readonly string[];
  /**
   * After the writes, before adding the contributions back (@accounts, @ordersFrom, @movesFrom; the touched
   * accounts as they were before the writes are in BEFORE).
   */
  after?: readonly string[];
};

/** In order: a rollup's `after` may read what an earlier one wrote (the activity totals read the activity). */
export const ROLLUPS: readonly SetWiseRollup[] = [
  {
    // 0009: an account's orders per month and quarter, linked to its previous period and its first (cohort).
    keeps: "account_period_activity",
    triggers: ["orders_activity_insert", "apa_links_insert"],
    after: [
      // One pass: the new orders' sums per period beside the touched accounts' stored periods, linked with a
      // window (prev: the previous period with orders, cohort: the first — what apa_links_insert keeps), each
      // row written once and only where it changes.
      `INSERT INTO account_period_activity (account_id, grain, period, cohort, prev, orders, revenue, margin)
      SELECT account_id, grain, period, min(period) OVER w, lag(period) OVER w, n, r, m FROM (
        SELECT account_id, grain, period, sum(n) AS n, sum(r) AS r, sum(m) AS m FROM (
          SELECT o.account_id, g.grain, ${MONTH} / g.grain AS period, count(*) AS n, sum(o.amount) AS r,
            sum(o.margin) AS m
          FROM orders o, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g
          WHERE o.id > @ordersFrom GROUP BY 1, 2, 3
          UNION ALL
          SELECT account_id, grain, period, 0, 0, 0 FROM account_period_activity WHERE account_id IN ${ACCOUNTS}
        ) GROUP BY 1, 2, 3
      ) WHERE true
      WINDOW w AS (PARTITION BY account_id, grain ORDER BY period)
      ON CONFLICT (account_id, grain, period) DO UPDATE SET orders = orders + excluded.orders,
        revenue = revenue + excluded.revenue, margin = margin + excluded.margin, prev = excluded.prev,
        cohort = excluded.cohort
      WHERE excluded.orders <> 0 OR account_period_activity.prev IS NOT excluded.prev
        OR account_period_activity.cohort <> excluded.cohort`,
    ],
  },
  {
    // 0023: the account-periods summed by (period, previous period) and by (cohort, period).
    keeps: "activity_by_prev, activity_by_cohort",
    triggers: ["apa_totals_insert", "apa_totals_update_sums", "apa_totals_update_move"],
    contribution: [
      `INSERT INTO activity_by_prev (grain, period, prev, accounts, revenue, margin)
      SELECT grain, period, coalesce(prev, -1), @sign * count(*), @sign * sum(revenue), @sign * sum(margin)
      FROM account_period_activity WHERE account_id IN ${ACCOUNTS} GROUP BY 1, 2, 3
      ON CONFLICT (grain, period, prev) DO UPDATE SET accounts = accounts + excluded.accounts,
        revenue = revenue + excluded.revenue, margin = margin + excluded.margin`,
      `INSERT INTO activity_by_cohort (grain, cohort, period, accounts, revenue, returned)
      SELECT grain, cohort, period, @sign * count(*), @sign * sum(revenue),
        @sign * count(CASE WHEN prev = cohort THEN 1 END)
      FROM account_period_activity WHERE account_id IN ${ACCOUNTS} GROUP BY 1, 2, 3
      ON CONFLICT (grain, cohort, period) DO UPDATE SET accounts = accounts + excluded.accounts,
        revenue = revenue + excluded.revenue, returned = returned + excluded.returned`,
    ],
  },
  {
    // 0024: accounts by status, rung, level and first-order bucket; the accounts by first order.
    keeps: "account_totals, account_first_orders",
    triggers: [
      "account_totals_insert",
      "account_totals_update_sums",
      "account_totals_update_move",
      "account_first_orders_update",
    ],
    contribution: [
      `INSERT INTO account_totals (status, rung, level, first_bucket, accounts, revenue, margin, first_sum)
      SELECT status, rung, level, coalesce(first_order_at / 2592000000, -1), @sign * count(*),
        @sign * sum(revenue), @sign * sum(margin), @sign * coalesce(sum(first_order_at), 0)
      FROM accounts WHERE id IN ${ACCOUNTS} GROUP BY 1, 2, 3, 4
      ON CONFLICT (status, rung, level, first_bucket) DO UPDATE SET accounts = accounts + excluded.accounts,
        revenue = revenue + excluded.revenue, margin = margin + excluded.margin,
        first_sum = first_sum + excluded.first_sum`,
    ],
    // Only the accounts whose first order moved: rewriting the others' rows would dirty their pages for nothing.
    after: [
      `DELETE FROM account_first_orders WHERE (first_order_at, account_id) IN (
        SELECT b.first_order_at, b.id FROM ${BEFORE} b LEFT JOIN accounts a ON a.id = b.id
        WHERE b.first_order_at IS NOT NULL AND b.first_order_at IS NOT a.first_order_at)`,
      `INSERT INTO account_first_orders (first_order_at, account_id)
      SELECT a.first_order_at, a.id FROM accounts a LEFT JOIN ${BEFORE} b ON b.id = a.id
      WHERE a.id IN ${ACCOUNTS} AND a.first_order_at IS NOT NULL AND a.first_order_at IS NOT b.first_order_at`,
    ],
  },
  {
    // 0024: defections (active → lapsed or lost) per week, rung left and the account's level: the new moves' only.
    // No bulk write changes an account's level (defection_totals_level would fire: the test forbids it).
    keeps: "defection_totals",
    triggers: ["defection_totals_insert"],
    after: [
      `INSERT INTO defection_totals (bucket, from_rung, level, n)
      SELECT m.at / 604800000, coalesce(m.from_rung, ''), a.level, count(*)
      FROM ladder_moves m NOT INDEXED JOIN accounts a ON a.id = m.account_id
      WHERE m.id > @movesFrom AND ${DEFECTION} GROUP BY 1, 2, 3
      ON CONFLICT (bucket, from_rung, level) DO UPDATE SET n = n + excluded.n`,
    ],
  },
  {
    // 0024: accounts that reached each rung, and those with a climb time (ladder_reached stays row by row).
    keeps: "ladder_reached_totals",
    triggers: ["ladder_reached_totals_insert", "ladder_reached_totals_update"],
    contribution: [
      `INSERT INTO ladder_reached_totals (rung, reached, climbed)
      SELECT rung, @sign * count(*), @sign * count(climb_ms) FROM ladder_reached
      WHERE account_id IN ${ACCOUNTS} GROUP BY rung
      ON CONFLICT (rung) DO UPDATE SET reached = reached + excluded.reached, climbed = climbed + excluded.climbed`,
    ],
  },
  {
    // 0009: per month, accounts into (+1) and out of (-1) each band, from the moves.
    keeps: "ladder_bands_monthly",
    triggers: ["ladder_moves_bands_insert"],
    after: [
      `INSERT INTO ladder_bands_monthly (month, band, delta)
      SELECT month, band, sum(d) FROM (
        SELECT strftime('%Y-%m', at / 1000, 'unixepoch') AS month, ${BAND("to_status", "to_rung")} AS band, 1 AS d
        FROM ladder_moves WHERE id > @movesFrom
        UNION ALL
        SELECT strftime('%Y-%m', at / 1000, 'unixepoch'), ${BAND("from_status", "from_rung")}, -1
        FROM ladder_moves WHERE id > @movesFrom AND from_rung IS NOT NULL
      ) WHERE true GROUP BY month, band
      ON CONFLICT (month, band) DO UPDATE SET delta = delta + excluded.delta`,
    ],
  },
  {
    // 0025: each complaint carries its account's band (the rung, or lapsed/lost) as it is now.
    keeps: "complaints.account_band",
    triggers: ["accounts_band_update"],
    after: [
      `UPDATE complaints SET account_band = b.band
      FROM (SELECT id, CASE WHEN status = 'active' THEN rung ELSE status END AS band
        FROM accounts WHERE id IN ${ACCOUNTS}) AS b
      WHERE complaints.account_id = b.id AND complaints.account_band IS NOT b.band`,
    ],
  },
  {
    // 0011: a complaint's account's first order after it was received.
    keeps: "complaints.next_order_at",
    triggers: ["orders_next_order_on_insert"],
    after: [
      `UPDATE complaints SET next_order_at = n.at
      FROM (SELECT c.id, (SELECT min(o.ordered_at) FROM orders o
          WHERE o.account_id = c.account_id AND o.ordered_at > c.received_at) AS at
        FROM complaints c WHERE c.account_id IN ${ACCOUNTS}) AS n
      WHERE complaints.id = n.id AND complaints.next_order_at IS NOT n.at`,
    ],
  },
  {
    // 0026: a survey's account's first order and first defection after it was answered (or sent).
    keeps: "surveys.next_order_at, surveys.defected_at",
    triggers: ["orders_survey_next_order_on_insert", "ladder_moves_survey_defection"],
    after: [
      `UPDATE surveys SET next_order_at = n.next, defected_at = n.defected
      FROM (SELECT s.id,
          (SELECT min(o.ordered_at) FROM orders o
            WHERE o.account_id = s.account_id AND o.ordered_at > coalesce(s.answered_at, s.sent_at)) AS next,
          (SELECT min(m.at) FROM ladder_moves m
            WHERE m.account_id = s.account_id AND m.at > coalesce(s.answered_at, s.sent_at)
              AND m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost')) AS defected
        FROM surveys s WHERE s.account_id IN ${ACCOUNTS}) AS n
      WHERE surveys.id = n.id AND (surveys.next_order_at IS NOT n.next OR surveys.defected_at IS NOT n.defected)`,
    ],
  },
  {
    // 0027: who is due a relationship survey: each contact with an address of an active account with an order,
    // with the account's level and the contact's last relationship survey. Recomputed for the touched accounts'
    // contacts (a contact moved into one of them is one of them), written only where it changed.
    keeps: "survey_due",
    triggers: ["survey_due_contact_insert", "survey_due_contact_update", "survey_due_account_update"],
    after: [
      `DELETE FROM survey_due WHERE contact_id IN (
        SELECT c.id FROM contacts c JOIN accounts a ON a.id = c.account_id
        WHERE c.account_id IN ${ACCOUNTS}
          AND NOT (c.email IS NOT NULL AND c.email <> '' AND a.status = 'active' AND a.order_count > 0))`,
      `INSERT INTO survey_due (contact_id, level, last_sent_at)
      SELECT c.id, a.level,
        coalesce((SELECT max(s.sent_at) FROM surveys s WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
      FROM contacts c JOIN accounts a ON a.id = c.account_id
      WHERE c.account_id IN ${ACCOUNTS} AND c.email IS NOT NULL AND c.email <> '' AND a.status = 'active'
        AND a.order_count > 0
      ON CONFLICT (contact_id) DO UPDATE SET level = excluded.level, last_sent_at = excluded.last_sent_at
      WHERE survey_due.level IS NOT excluded.level OR survey_due.last_sent_at IS NOT excluded.last_sent_at`,
    ],
  },
  {
    // 0029: the feedback themes and credits per account dimension (rung, level, segment, owner): as the trigger
    // does, only for the accounts whose dimension changed, their feedback moved from the old value to the new.
    keeps: "feedback_theme_dim_rollup, feedback_credit_dim_rollup",
    triggers: ["accounts_feedback_dim_rollup_update"],
    after: [
      `INSERT INTO feedback_theme_dim_rollup (dim, value, month, theme, interface, sentiment, n)
      SELECT d.dim, d.value, f.received_month, f.theme, f.interface, f.sentiment, sum(d.sign)
      FROM ${DIM_CHANGES} d CROSS JOIN feedback f ON f.account_id = d.id
      GROUP BY 1, 2, 3, 4, 5, 6
      ON CONFLICT (dim, value, month, theme, interface, sentiment) DO UPDATE SET n = n + excluded.n`,
      `INSERT INTO feedback_credit_dim_rollup (dim, value, month, recorded_by_id, interface, n, problems)
      SELECT d.dim, d.value, f.received_month, f.recorded_by_id, f.interface, sum(d.sign),
        sum(d.sign * (f.sentiment = 'problem'))
      FROM ${DIM_CHANGES} d CROSS JOIN feedback f ON f.account_id = d.id
      GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT (dim, value, month, recorded_by_id, interface) DO UPDATE SET n = n + excluded.n,
        problems = problems + excluded.problems`,
    ],
  },
  {
    // 0030: the accounts that ordered in the 30 days before each month's first day, with their next order after
    // it and first complaint from it (the complaints dashboard's comparison group). The new orders' anchors
    // are added, then each new order is the next order of its account's anchors since the order before it.
    keeps: "recent_buyers",
    triggers: ["orders_recent_buyers_insert"],
    after: [
      `INSERT INTO recent_buyers (account_id, anchor, next_order_at, first_complaint_at)
      SELECT b.account_id, b.anchor,
        (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = b.account_id AND o.ordered_at > b.anchor),
        (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = b.account_id AND c.received_at >= b.anchor)
      FROM (SELECT DISTINCT account_id, anchor FROM (
          SELECT o.account_id, o.ordered_at, CAST(strftime('%s', o.ordered_at / 1000, 'unixepoch', 'start of month',
            s.step) AS INTEGER) * 1000 AS anchor
          -- NOT INDEXED: the new orders by rowid. The planner walked the whole of orders_account_date_idx (it
          -- covers the columns; it cannot know the range is short): 50 ms of a 1,000-order batch on the bench.
          FROM orders o NOT INDEXED, (SELECT '+1 month' AS step UNION ALL SELECT '+2 month') s
          WHERE o.id > @ordersFrom
        ) WHERE anchor <= ordered_at + 2592000000) b
      WHERE true ON CONFLICT (account_id, anchor) DO NOTHING`,
      `UPDATE recent_buyers SET next_order_at = x.t
      FROM (SELECT r.account_id, r.anchor, min(o.ordered_at) AS t
        FROM orders o CROSS JOIN recent_buyers r ON r.account_id = o.account_id AND r.anchor < o.ordered_at
          AND r.anchor >= coalesce((SELECT max(p.ordered_at) FROM orders p
            WHERE p.account_id = o.account_id AND p.ordered_at < o.ordered_at), 0)
        WHERE o.id > @ordersFrom GROUP BY 1, 2) AS x
      WHERE recent_buyers.account_id = x.account_id AND recent_buyers.anchor = x.anchor
        AND (recent_buyers.next_order_at IS NULL OR recent_buyers.next_order_at > x.t)`,
    ],
  },
];

/** Triggers bulk writes fire and keep firing row by row, and why. */
export const KEPT_FIRING: Readonly<Record<string, string>> = {
  accounts_fts_ai: "the search index of a new account's name (FTS5 writes row by row anyway)",
  accounts_fts_au: "the search index of a renamed account",
  contacts_fts_ai: "the search index of a new contact",
  contacts_fts_au: "the search index of a changed contact",
  // Priced (bench/write-profile.ts, 100,000-line order import, quiet machine): 250–450 ms of ~6 s; an exact set-wise
  // replay of the moves in id order (written and measured) cost as much, so it stays a trigger.
  ladder_moves_rollups:
    "ladder_reached's climb time depends on the order in which an account's moves arrive: kept row by row",
  // 0028: the short Chinese name search index. A few rows per account with a Chinese name, like accounts_fts_*.
  account_name_grams_insert: "the short-search grams of a new account's Chinese name",
  account_name_grams_update: "the short-search grams of a renamed account",
};

/** Triggers no bulk write fires (deletes, and updates of columns bulk writes do not set), by what fires them. */
export const NOT_FIRED_BY_BULK_WRITES: Readonly<Record<string, string>> = {
  accounts_fts_ad: "an account deleted",
  account_name_grams_delete: "an account deleted",
  contacts_fts_ad: "a contact deleted",
  deals_fts_ai: "deals",
  deals_fts_ad: "deals",
  deals_fts_au: "deals",
  apa_links_delete: "an order deleted",
  orders_activity_delete: "an order deleted",
  orders_activity_update: "an order changed",
  apa_totals_delete: "an order deleted",
  account_totals_delete: "an account deleted",
  defection_totals_delete: "a ladder move deleted",
  defection_totals_update: "a ladder move changed",
  defection_totals_level: "an account's level changed",
  defection_totals_account_delete: "an account deleted",
  ladder_reached_totals_delete: "an account deleted",
  ladder_moves_bands_delete: "a ladder move deleted",
  orders_next_order_on_delete: "an order deleted",
  orders_next_order_on_update: "an order changed",
  orders_survey_next_order_on_delete: "an order deleted",
  orders_survey_next_order_on_update: "an order changed",
  complaints_next_order_on_insert: "complaints",
  complaints_next_order_on_move: "complaints",
  complaints_band_on_insert: "complaints",
  complaints_band_on_move: "complaints",
  complaints_rollup_insert: "complaints",
  complaints_rollup_delete: "complaints",
  complaints_rollup_update: "complaints",
  deals_rollup_insert: "deals",
  deals_rollup_delete: "deals",
  deals_rollup_update: "deals",
  deal_reviews_rollup_insert: "deal reviews",
  deal_reviews_rollup_delete: "deal reviews",
  deal_reviews_rollup_update: "deal reviews",
  surveys_staying_on_insert: "surveys",
  surveys_staying_on_answer: "surveys",
  surveys_staying_firsts_insert: "surveys",
  surveys_staying_firsts_update: "surveys",
  surveys_staying_firsts_delete: "surveys",
  surveys_rollup_insert: "surveys",
  surveys_rollup_delete: "surveys",
  surveys_rollup_update: "surveys",
  feedback_rollup_insert: "feedback",
  feedback_rollup_delete: "feedback",
  feedback_rollup_update: "feedback",
  survey_due_survey_insert: "surveys",
  survey_due_survey_delete: "surveys",
  survey_due_survey_update: "surveys",
  surveys_pair_rollup_insert: "surveys",
  surveys_pair_rollup_delete: "surveys",
  surveys_pair_rollup_update: "surveys",
  surveys_cube_insert: "surveys",
  surveys_cube_delete: "surveys",
  surveys_cube_update: "surveys",
  feedback_dim_rollup_insert: "feedback",
  feedback_dim_rollup_delete: "feedback",
  feedback_dim_rollup_update: "feedback",
  accounts_feedback_dim_rollup_delete: "an account deleted",
  orders_recent_buyers_delete: "an order deleted",
  orders_recent_buyers_update: "an order changed",
  complaints_recent_buyers_insert: "complaints",
  complaints_recent_buyers_delete: "complaints",
  complaints_recent_buyers_update: "complaints",
  surveys_staying_firsts_answer: "surveys",
  surveys_rollup_answer: "surveys",
  surveys_pair_rollup_answer: "surveys",
  surveys_cube_answer: "surveys",
};

export const SET_ASIDE: readonly string[] = ROLLUPS.flatMap((r) => r.triggers);

type Scope = { initial: Set<number>; accountsFrom: number };
const active = new WeakMap<Database.Database, Scope>();

/**
 * Runs `write` — which writes to `accountIds` and to accounts it creates, nothing else — with the rollup
 * triggers set aside, then brings the rollups up to date set-wise for those accounts. Only inside the caller's
 * write transaction, when `setWise` and the triggers are all there; otherwise `write` runs as it is, through the
 * triggers. Inside another bulk write it joins it (its accounts must be that write's).
 */
export function bulkWrite<T>(
  db: Db,
  accountIds: readonly number[],
  write: () => T,
  options: { setWise: boolean; trace?: StepTrace },
): T {
  const sqlite = db.$client;
  const outer = active.get(sqlite);
  if (outer) {
    const stray = accountIds.find((id) => !outer.initial.has(id) && id <= outer.accountsFrom);
    if (stray !== undefined)
      throw new Error(`bulkWrite: account ${stray} is not one of the bulk write's accounts`);
    return write();
  }
  if (!options.setWise || !sqlite.inTransaction) return write();
  const saved = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(SET_ASIDE)) as { name: string; sql: string }[];
  if (saved.length !== SET_ASIDE.length) return write();
  const { trace } = options;
  const maxId = (table: string) =>
    sqlite.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
  const from = { accounts: maxId("accounts"), orders: maxId("orders"), moves: maxId("ladder_moves") };
  const run = (statements: readonly string[] | undefined, params: Record<string, unknown>) => {
    for (const text of statements ?? []) {
      const used = Object.fromEntries(Object.entries(params).filter(([k]) => text.includes(`@${k}`)));
      sqlite.prepare(text).run(used);
    }
  };
  // One savepoint: a failure rolls back the writes, the rollups and the triggers' removal together.
  return sqlite.transaction(() => {
    timed(trace, "tx:rollups: set aside", () => {
      const accounts = JSON.stringify(accountIds);
      sqlite.exec(
        `CREATE TABLE ${BEFORE} (id INTEGER PRIMARY KEY, rung, level, segment, owner_id, first_order_at)`,
      );
      run([`INSERT INTO ${BEFORE} SELECT ${BEFORE_COLUMNS} FROM accounts WHERE id IN ${ACCOUNTS}`], {
        accounts,
      });
      for (const r of ROLLUPS) run(r.contribution, { accounts, sign: -1 });
      for (const t of saved) sqlite.exec(`DROP TRIGGER "${t.name}"`);
    });
    active.set(sqlite, { initial: new Set(accountIds), accountsFrom: from.accounts });
    let result: T;
    try {
      result = write();
    } finally {
      active.delete(sqlite);
    }
    const created = sqlite
      .prepare("SELECT id FROM accounts WHERE id > ?")
      .pluck()
      .all(from.accounts) as number[];
    const accounts = JSON.stringify([...accountIds, ...created]);
    for (const r of ROLLUPS)
      timed(trace, `tx:rollup ${r.keeps}`, () => {
        run(r.after, { accounts, ordersFrom: from.orders, movesFrom: from.moves });
        run(r.contribution, { accounts, sign: 1 });
      });
    timed(trace, "tx:rollups: triggers back", () => {
      for (const t of saved) sqlite.exec(t.sql);
      sqlite.exec(`DROP TABLE ${BEFORE}`);
    });
    return result;
  })();
}
