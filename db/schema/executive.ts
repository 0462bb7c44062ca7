import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accounts } from "./accounts";
import { users } from "./auth";

/** Saved service what-if scenarios (issue #6 §2), shared across the company so they can be compared. */
export const whatIfScenarios = sqliteTable(
  "whatif_scenarios",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** JSON: WhatIfInputs (server/executive/whatif.rules.ts). */
    inputs: text("inputs").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("whatif_scenarios_created_idx").on(t.createdAt)],
);

/** Period grains of the executive view, stored as the number of months a period spans. */
export const GRAIN_MONTHS = { month: 1, quarter: 3 } as const;

/**
 * Rollup for the executive view (issue #6 §1): one row per account, grain and period in which it ordered, kept
 * by triggers on orders (migration 0006), so the app, the import and the seed all maintain it. Periods are
 * integer indexes (months or quarters since year 0, as retention.rules periodIndex). Beside the sums each
 * row carries the account's cohort (its first period) and its previous period with orders, so cohorts,
 * repeat-purchase retention, active and new accounts are index range counts, not scans of 1M orders.
 */
export const accountPeriodActivity = sqliteTable(
  "account_period_activity",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** 1 = month, 3 = quarter. */
    grain: integer("grain").notNull(),
    period: integer("period").notNull(),
    /** The account's first period with an order, at this grain. */
    cohort: integer("cohort").notNull(),
    /** The account's latest earlier period with an order, at this grain; null in its first. */
    prev: integer("prev"),
    orders: integer("orders").notNull(),
    revenue: integer("revenue").notNull(),
    margin: integer("margin").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.grain, t.period] }),
    index("apa_period_idx").on(t.grain, t.period, t.prev, t.cohort, t.revenue, t.margin),
    index("apa_cohort_idx").on(t.grain, t.cohort, t.period, t.revenue, t.prev),
  ],
);

/**
 * Rollup for the ladder over time: per UTC month, the net change of accounts in each band (an active
 * account's rung, or lapsed / lost), kept by a trigger on ladder_moves (migration 0006). The running sum
 * rebuilds how many accounts stood on each rung at the end of any month.
 */
export const ladderBandsMonthly = sqliteTable(
  "ladder_bands_monthly",
  {
    /** "YYYY-MM" in UTC. */
    month: text("month").notNull(),
    /** A rung for active accounts, or "lapsed" / "lost". */
    band: text("band").notNull(),
    delta: integer("delta").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.band] })],
);

/**
 * Rollups of account_period_activity for the executive overview (issue #12 §1): per grain and period, the
 * accounts that ordered, their revenue and margin, by the previous period in which they had ordered (-1: none,
 * the account's first period). New, kept, repeat revenue and distinct accounts since a period are sums over at
 * most a few hundred rows instead of every account's row of 25 months (~220k at 100k accounts). Kept by
 * triggers on account_period_activity (migration activity_rollups).
 */
export const activityByPrev = sqliteTable(
  "activity_by_prev",
  {
    grain: integer("grain").notNull(),
    period: integer("period").notNull(),
    /** The accounts' previous period with an order; -1 for none (their first period). */
    prev: integer("prev").notNull(),
    accounts: integer("accounts").notNull(),
    revenue: integer("revenue").notNull(),
    margin: integer("margin").notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.period, t.prev] })],
);

/**
 * The cohort heatmap's cells (issue #12 §1): per grain, cohort (first period) and period, the cohort's accounts
 * that ordered, their revenue, and how many of them came back for the first time (previous period = cohort).
 * Kept by triggers on account_period_activity (migration activity_rollups).
 */
export const activityByCohort = sqliteTable(
  "activity_by_cohort",
  {
    grain: integer("grain").notNull(),
    cohort: integer("cohort").notNull(),
    period: integer("period").notNull(),
    accounts: integer("accounts").notNull(),
    revenue: integer("revenue").notNull(),
    /** Of those accounts, the ones whose previous period with an order is the cohort's. */
    returned: integer("returned").notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.cohort, t.period] })],
);

/** Width of account_totals' first-order buckets: 30 days in ms (a fixed width, no calendar in the triggers). */
export const FIRST_ORDER_BUCKET_MS = 30 * 86_400_000;
/** account_totals.first_bucket of accounts without an order (order dates are never before 1970). */
export const NO_FIRST_ORDER = -1;

/**
 * Rollup of the accounts table (issue #12 §1): per status, rung, level and 30-day bucket of the first order,
 * how many accounts, their revenue, margin and the sum of their first-order times. The ladder report's and the
 * board's counts per rung and status, and lifetime value's sums per rung and level, are sums over a few
 * thousand rows instead of a pass over 100k accounts. Kept by triggers on accounts (migration
 * account_totals), which fire only when one of these columns is written.
 */
export const accountTotals = sqliteTable(
  "account_totals",
  {
    status: text("status").notNull(),
    rung: text("rung").notNull(),
    level: text("level").notNull(),
    /** first_order_at ÷ FIRST_ORDER_BUCKET_MS, or NO_FIRST_ORDER. */
    firstBucket: integer("first_bucket").notNull(),
    accounts: integer("accounts").notNull(),
    revenue: integer("revenue").notNull(),
    margin: integer("margin").notNull(),
    /** Σ first_order_at (0 for accounts without one). */
    firstSum: integer("first_sum").notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.rung, t.level, t.firstBucket] })],
);

/**
 * Accounts by first-order time (kept by triggers on accounts, written only when first_order_at changes, not on
 * every order): lifetime value reads the few accounts of the one account_totals bucket that straddles "a year
 * ago" one by one.
 */
export const accountFirstOrders = sqliteTable(
  "account_first_orders",
  {
    firstOrderAt: integer("first_order_at").notNull(),
    accountId: integer("account_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.firstOrderAt, t.accountId] })],
);

/** Width of defection_totals' buckets of time: 7 days in ms. */
export const DEFECTION_BUCKET_MS = 7 * 86_400_000;

/**
 * Rollup of defections (ladder moves from active to lapsed or lost) for lifetime value (issue #12 §1): per
 * 7-day bucket of the move, the rung it left and the account's level now, how many. The last 12 months are the
 * buckets inside them plus the moves of the two buckets at the ends, read one by one. Kept by triggers on
 * ladder_moves and on accounts (a level change moves the account's defections to its new level; migration
 * account_totals).
 */
export const defectionTotals = sqliteTable(
  "defection_totals",
  {
    bucket: integer("bucket").notNull(),
    /** The rung the account left; '' for a move without one. */
    fromRung: text("from_rung").notNull(),
    level: text("level").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.fromRung, t.level] })],
);
