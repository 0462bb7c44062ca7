// Kotler's matrix applied to the stored accounts, set-wise in SQL: accounts.recommended_level for the whole
// table (threshold change, import, seed) or for a few accounts (an order, a new account, a segment change).
//
// Segment size is the number of accounts sharing the account's segment. Accounts without a segment form one
// group of their own ("unsegmented"): they are one undifferentiated market, and counting each as a segment of
// one would recommend partnership for every profitable unsegmented account.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getSetting } from "../settings/settings.queries";
import {
  type LevelThresholds,
  type MarginBand,
  recommendLevel,
  type SegmentSize,
  segmentSize,
} from "./level.rules";
import { levelsSettings } from "./levels.settings";

const SIZES: SegmentSize[] = ["many", "medium", "few"];
const YEAR_MS = 365 * 86_400_000;
const BANDS: MarginBand[] = ["high", "medium", "low"];

/** The start of the 12-month margin window: the same calendar day one year before `asOf` (UTC). */
export function marginWindowStart(asOf: number): number {
  const d = new Date(asOf);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

function sizeSql(customers: SQL, t: LevelThresholds): SQL {
  return sql`CASE WHEN ${customers} >= ${t.manyCustomersAtLeast} THEN 'many'
    WHEN ${customers} >= ${t.mediumCustomersAtLeast} THEN 'medium' ELSE 'few' END`;
}

// Division as in marginBand (margin / revenue >= share), so SQL and the rule agree at the exact edges.
function bandSql(margin: SQL, revenue: SQL, t: LevelThresholds): SQL {
  return sql`CASE WHEN ${revenue} <= 0 THEN 'low'
    WHEN CAST(${margin} AS REAL) / ${revenue} >= ${t.highMarginAtLeast} THEN 'high'
    WHEN CAST(${margin} AS REAL) / ${revenue} >= ${t.mediumMarginAtLeast} THEN 'medium' ELSE 'low' END`;
}

/** The matrix as a CASE over 'size:band', generated from recommendLevel so the two cannot drift apart. */
function matrixSql(size: SQL, band: SQL): SQL {
  const arms = SIZES.flatMap((s) => BANDS.map((b) => sql`WHEN ${`${s}:${b}`} THEN ${recommendLevel(s, b)}`));
  return sql`CASE (${size} || ':' || ${band}) ${sql.join(arms, sql` `)} END`;
}

export type RecomputeScope = {
  asOf: number;
  /** Only these accounts. */
  accountIds?: readonly number[];
  /** Only accounts in these segments (null = the unsegmented group). */
  segments?: readonly (string | null)[];
  thresholds?: LevelThresholds;
};

/**
 * Stores accounts.recommended_level from segment size and margin (orders in the 12 months before asOf, or
 * lifetime up to asOf when there are none), and accounts.yearly_margin (level.rules yearlyMargin). An account
 * without orders up to asOf gets neither. Without accountIds or segments, the whole table.
 * Returns the number of accounts whose recommendation or yearly margin changed.
 */
export function recomputeRecommendedLevels(db: Db, scope: RecomputeScope): number {
  const t = scope.thresholds ?? getSetting(db, levelsSettings.levelThresholds);
  const from = marginWindowStart(scope.asOf);
  const whole = !scope.accountIds && !scope.segments;
  const filters: SQL[] = [];
  if (scope.accountIds) {
    if (scope.accountIds.length === 0) return 0;
    filters.push(sql`a.id IN (SELECT value FROM json_each(${JSON.stringify(scope.accountIds)}))`);
  }
  if (scope.segments) {
    const named = scope.segments.filter((s): s is string => s !== null);
    const parts: SQL[] = [];
    if (named.length) parts.push(sql`a.segment IN (SELECT value FROM json_each(${JSON.stringify(named)}))`);
    if (named.length < scope.segments.length) parts.push(sql`a.segment IS NULL`);
    if (!parts.length) return 0;
    filters.push(sql`(${sql.join(parts, sql` OR `)})`);
  }
  const where = filters.length ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  // Every segment is counted once, on accounts_segment_idx: all of them for the whole table, otherwise only
  // the segments of the accounts in scope, and only up to "many" (the size band is all the count decides): an
  // order for an account of a 30,000-account segment then reads 1,000 index entries, not 30,000.
  const seg = whole
    ? sql`SELECT segment, count(*) AS n FROM accounts GROUP BY segment`
    : sql`SELECT s.segment, (SELECT count(*) FROM (SELECT 1 FROM accounts x WHERE x.segment IS s.segment
          LIMIT ${t.manyCustomersAtLeast})) AS n
        FROM (SELECT DISTINCT a.segment FROM accounts a ${where}) s`;
  const orderScope = whole ? sql`` : sql`AND o.account_id IN (SELECT id FROM scope)`;
  const rev = sql`CASE WHEN coalesce(w.rev12, 0) > 0 THEN w.rev12 ELSE coalesce(w.revAll, 0) END`;
  const mar = sql`CASE WHEN coalesce(w.rev12, 0) > 0 THEN w.mar12 ELSE coalesce(w.marAll, 0) END`;
  const result = db.run(sql`
    WITH seg AS MATERIALIZED (${seg}),
    scope AS (
      SELECT a.id, (SELECT n FROM seg WHERE seg.segment IS a.segment) AS customers FROM accounts a ${where}
    ),
    w AS (
      SELECT o.account_id,
        sum(CASE WHEN o.ordered_at > ${from} THEN o.amount END) AS rev12,
        sum(CASE WHEN o.ordered_at > ${from} THEN o.margin END) AS mar12,
        sum(o.amount) AS revAll,
        sum(o.margin) AS marAll,
        min(o.ordered_at) AS firstAt
      FROM orders o WHERE o.ordered_at <= ${scope.asOf} ${orderScope}
      GROUP BY o.account_id
    ),
    rec AS (
      SELECT scope.id,
        CASE WHEN w.account_id IS NULL THEN NULL
          ELSE ${matrixSql(sizeSql(sql`scope.customers`, t), bandSql(mar, rev, t))} END AS level,
        CASE WHEN w.account_id IS NULL THEN NULL WHEN coalesce(w.rev12, 0) > 0 THEN w.mar12
          ELSE CAST(round(w.marAll / max(1.0, (${scope.asOf} - w.firstAt) / (${YEAR_MS} * 1.0))) AS INTEGER) END AS yearly
      FROM scope LEFT JOIN w ON w.account_id = scope.id
    )
    UPDATE accounts SET recommended_level = rec.level, yearly_margin = rec.yearly
    FROM rec WHERE rec.id = accounts.id
      AND (accounts.recommended_level IS NOT rec.level OR accounts.yearly_margin IS NOT rec.yearly)
  `);
  return result.changes;
}

/**
 * After an account is created or changes segment: the account itself, plus every account of a segment whose
 * size band the change moved (a segment crossing 100 or 1,000). A change that moves no band touches one row.
 */
export function refreshLevelsAfterSegmentChange(
  db: Db,
  params: { accountId: number; before: string | null | undefined; after: string | null; asOf: number },
): number {
  const t = getSetting(db, levelsSettings.levelThresholds);
  const count = (segment: string | null) =>
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM accounts WHERE segment IS ${segment}`)?.n ?? 0;
  const crossed: (string | null)[] = [];
  const created = params.before === undefined;
  if (created || params.before !== params.after) {
    const nAfter = count(params.after);
    if (segmentSize(nAfter, t) !== segmentSize(nAfter - 1, t)) crossed.push(params.after);
    if (!created) {
      const before = params.before as string | null;
      const nBefore = count(before);
      if (segmentSize(nBefore, t) !== segmentSize(nBefore + 1, t)) crossed.push(before);
    }
  }
  let changed = recomputeRecommendedLevels(db, {
    asOf: params.asOf,
    accountIds: [params.accountId],
    thresholds: t,
  });
  if (crossed.length)
    changed += recomputeRecommendedLevels(db, { asOf: params.asOf, segments: crossed, thresholds: t });
  return changed;
}
