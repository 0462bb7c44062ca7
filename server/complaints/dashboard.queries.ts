// The complaints dashboard (issue #5 §3). Each procedure is a few GROUP BY statements over the period's
// slice of complaints_dashboard_idx, a covering index led by received_at; dashboard.rules turns the counts
// into series, quantiles and rates.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ACCOUNT_STATUSES, ALL_RUNGS } from "@/db/schema";
import { pareto } from "../deals/win-loss.rules";
import { getSetting } from "../settings/settings.queries";
import {
  dashboardRange,
  matureBefore,
  monthLabel,
  monthsOf,
  quantilesFromRanks,
  repurchaseByOutcome,
  share,
} from "./dashboard.rules";
import type { ComplaintDashboardFilters } from "./dashboard.schemas";

const C = sql.raw("complaints c INDEXED BY complaints_dashboard_idx");

/**
 * sla.rules outcomeOf in SQL, for complaints alias c at `now`: confirmed on or before the promised resolution
 * time is resolved quickly, later is resolved; otherwise, once closed or past the resolution time,
 * unacknowledged or unresolved; an open complaint within its time has no outcome yet (NULL).
 */
export function outcomeSql(now: number): SQL {
  return sql`(CASE
    WHEN c.resolved_at IS NOT NULL THEN
      CASE WHEN c.resolved_at <= c.resolve_due_at THEN 'resolved_quickly' ELSE 'resolved' END
    WHEN c.closed_at IS NULL AND ${now} <= c.resolve_due_at THEN NULL
    WHEN c.acknowledged_at IS NULL THEN 'unacknowledged'
    ELSE 'unresolved' END)`;
}

/** Month index (year * 12 + month - 1, as retention.rules periodIndex) of received_at. */
const MONTH = sql.raw(
  "(CAST(strftime('%Y', c.received_at / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', c.received_at / 1000, 'unixepoch') AS INTEGER) - 1)",
);

function where(f: ComplaintDashboardFilters, range: { from: number; to: number }): SQL {
  const parts: SQL[] = [sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`];
  if (f.channel) parts.push(sql`c.channel = ${f.channel}`);
  if (f.category) parts.push(sql`c.category = ${f.category}`);
  return sql.join(parts, sql` AND `);
}

function context(f: ComplaintDashboardFilters, now: number) {
  const range = dashboardRange(now, f.months);
  return { range, months: monthsOf(range), w: where(f, range) };
}

/** Complaints per month by category and by channel (every month of the period, empty ones included). */
export function complaintVolume(db: Db, f: ComplaintDashboardFilters, now = Date.now()) {
  const { range, months, w } = context(f, now);
  const rows = db.all<{ p: number; category: string; channel: string; n: number }>(
    sql`SELECT ${MONTH} AS p, c.category AS category, c.channel AS channel, count(*) AS n
      FROM ${C} WHERE ${w} GROUP BY 1, 2, 3`,
  );
  const series = (key: "category" | "channel") =>
    months.map((p) => {
      const counts: Record<string, number> = {};
      for (const r of rows) if (r.p === p) counts[r[key]] = (counts[r[key]] ?? 0) + r.n;
      return { period: monthLabel(p), counts };
    });
  return {
    from: range.from,
    to: range.to,
    total: rows.reduce((s, r) => s + r.n, 0),
    byCategory: series("category"),
    byChannel: series("channel"),
  };
}

/** Median and p90 of a duration over the period's complaints where it is known, overall and per month. */
function durationQuantiles(db: Db, w: SQL, value: SQL, known: SQL) {
  const rows = db.all<{ p: number | null; rn: number; n: number; v: number }>(
    sql`SELECT p, rn, n, v FROM (
        SELECT ${MONTH} AS p, ${value} AS v,
          row_number() OVER (PARTITION BY ${MONTH} ORDER BY ${value}) AS rn,
          count(*) OVER (PARTITION BY ${MONTH}) AS n
        FROM ${C} WHERE ${w} AND ${known})
      -- dashboard.rules quantileRanks: the two middle ranks and ceil(0.9 n)
      WHERE rn IN ((n + 1) / 2, (n + 2) / 2, (9 * n + 9) / 10)
      UNION ALL
      SELECT NULL, rn, n, v FROM (
        SELECT ${value} AS v, row_number() OVER (ORDER BY ${value}) AS rn, count(*) OVER () AS n
        FROM ${C} WHERE ${w} AND ${known})
      WHERE rn IN ((n + 1) / 2, (n + 2) / 2, (9 * n + 9) / 10)`,
  );
  const of = (p: number | null) => {
    const list = rows.filter((r) => r.p === p);
    const n = list[0]?.n ?? 0;
    return { n, ...quantilesFromRanks(n, list) };
  };
  return { overall: of(null), of };
}

/**
 * Acknowledgement time (received → acknowledged) and resolution time (received → the customer's
 * confirmation): median and p90, overall and per month, and the share within the promise, over the complaints
 * whose promise is decided (done, or past due).
 */
export function complaintTimes(db: Db, f: ComplaintDashboardFilters, now = Date.now()) {
  const { months, w } = context(f, now);
  const ack = durationQuantiles(
    db,
    w,
    sql`(c.acknowledged_at - c.received_at)`,
    sql`c.acknowledged_at IS NOT NULL`,
  );
  const res = durationQuantiles(db, w, sql`(c.resolved_at - c.received_at)`, sql`c.resolved_at IS NOT NULL`);
  const promise = db.all<{
    p: number;
    ackDecided: number;
    ackMet: number;
    resDecided: number;
    resMet: number;
  }>(
    sql`SELECT ${MONTH} AS p,
        sum(c.acknowledged_at IS NOT NULL OR c.ack_due_at < ${now}) AS ackDecided,
        sum(c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= c.ack_due_at) AS ackMet,
        sum(c.resolved_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.resolve_due_at < ${now}) AS resDecided,
        sum(c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_due_at) AS resMet
      FROM ${C} WHERE ${w} GROUP BY 1`,
  );
  const sum = (k: "ackDecided" | "ackMet" | "resDecided" | "resMet") =>
    promise.reduce((s, r) => s + (r[k] ?? 0), 0);
  return {
    acknowledge: { ...ack.overall, withinPromise: share(sum("ackMet"), sum("ackDecided")) },
    resolve: { ...res.overall, withinPromise: share(sum("resMet"), sum("resDecided")) },
    periods: months.map((p) => {
      const a = ack.of(p);
      const r = res.of(p);
      const pr = promise.find((x) => x.p === p);
      return {
        period: monthLabel(p),
        ackMedian: a.median,
        ackP90: a.p90,
        resolveMedian: r.median,
        resolveP90: r.p90,
        ackWithin: pr ? share(pr.ackMet, pr.ackDecided) : null,
        resolveWithin: pr ? share(pr.resMet, pr.resDecided) : null,
      };
    }),
  };
}

/**
 * The outcome mix (overall and per month; "pending": open and still within the resolution time), repurchase
 * by outcome, and the same rate for accounts without a complaint in the period.
 */
export function complaintOutcomes(db: Db, f: ComplaintDashboardFilters, now = Date.now()) {
  const { range, months, w } = context(f, now);
  const mixRows = db.all<{ p: number; outcome: string | null; n: number }>(
    sql`SELECT ${MONTH} AS p, ${outcomeSql(now)} AS outcome, count(*) AS n FROM ${C} WHERE ${w} GROUP BY 1, 2`,
  );
  const key = (o: string | null) => o ?? "pending";
  const mix: Record<string, number> = {};
  for (const r of mixRows) mix[key(r.outcome)] = (mix[key(r.outcome)] ?? 0) + r.n;
  const days = f.repurchaseDays;
  const window = days * 86_400_000;
  const matureTo = Math.min(range.to, matureBefore(now, days) + 1);
  const rep = db.all<{ outcome: string; accounts: number; repurchased: number }>(
    sql`SELECT o AS outcome, count(*) AS accounts,
        sum(EXISTS (SELECT 1 FROM orders x WHERE x.account_id = f.a AND x.ordered_at > f.t
          AND x.ordered_at <= f.t + ${window})) AS repurchased
      FROM (SELECT c.account_id AS a, ${outcomeSql(now)} AS o, min(c.received_at) AS t
        FROM ${C} WHERE ${w} AND c.received_at < ${matureTo} GROUP BY 1, 2) f
      WHERE o IS NOT NULL GROUP BY 1`,
  );
  return {
    total: mixRows.reduce((s, r) => s + r.n, 0),
    mix,
    periods: months.map((p) => {
      const counts: Record<string, number> = {};
      for (const r of mixRows) if (r.p === p) counts[key(r.outcome)] = (counts[key(r.outcome)] ?? 0) + r.n;
      return { period: monthLabel(p), counts };
    }),
    repurchaseDays: days,
    /** Complaints received before this moment have a full window of N days behind them. */
    matureTo,
    repurchase: repurchaseByOutcome(rep),
    noComplaint: noComplaintBaseline(db, range, days, now),
  };
}

/**
 * The comparison: accounts that had bought before the period began and had no complaint in it (any channel
 * or category); the share with an order within N days after the period's first day. Null until that window
 * has ended.
 */
function noComplaintBaseline(db: Db, range: { from: number; to: number }, days: number, now: number) {
  const window = days * 86_400_000;
  if (range.from + window > now) return { accounts: 0, repurchased: 0, rate: null, anchor: range.from };
  const row = db.get<{ accounts: number; repurchased: number | null }>(
    sql`SELECT count(*) AS accounts,
        sum(EXISTS (SELECT 1 FROM orders x WHERE x.account_id = a.id AND x.ordered_at > ${range.from}
          AND x.ordered_at <= ${range.from + window})) AS repurchased
      FROM accounts a
      WHERE a.first_order_at < ${range.from}
        AND NOT EXISTS (SELECT 1 FROM complaints k WHERE k.account_id = a.id
          AND k.received_at >= ${range.from} AND k.received_at < ${range.to})`,
  );
  const accounts = row?.accounts ?? 0;
  const repurchased = row?.repurchased ?? 0;
  return { accounts, repurchased, rate: share(repurchased, accounts), anchor: range.from };
}

/**
 * Where complaints come from and what fixing them cost: root causes and responsible parties as Pareto bars
 * (investigated complaints), remedies carried out by type (count, total and average value), and the ladder
 * rungs of the complaining accounts now (off-ladder statuses apart) beside all accounts.
 */
export function complaintCauses(db: Db, f: ComplaintDashboardFilters, now = Date.now()) {
  const { w } = context(f, now);
  const causes = db.all<{ cause: string; party: string | null; n: number }>(
    sql`SELECT c.root_cause AS cause, c.responsible_party AS party, count(*) AS n FROM ${C}
      WHERE ${w} AND c.root_cause IS NOT NULL GROUP BY 1, 2`,
  );
  const sumBy = (k: "cause" | "party") => {
    const m = new Map<string, number>();
    for (const r of causes) {
      const v = r[k] ?? "unknown";
      m.set(v, (m.get(v) ?? 0) + r.n);
    }
    return pareto([...m.entries()].map(([key, count]) => ({ key, count })));
  };
  const remedies = db.all<{ type: string; n: number; total: number }>(
    sql`SELECT c.remedy_type AS type, count(*) AS n, coalesce(sum(c.remedy_value), 0) AS total FROM ${C}
      WHERE ${w} AND c.remedy_carried_out_at IS NOT NULL AND c.remedy_type IS NOT NULL GROUP BY 1`,
  );
  const rungs = db.all<{ k: string; n: number }>(
    sql`SELECT CASE WHEN a.status = 'active' THEN a.rung ELSE a.status END AS k, count(*) AS n
      FROM accounts a WHERE a.id IN (SELECT c.account_id FROM ${C} WHERE ${w}) GROUP BY 1`,
  );
  const all = db.all<{ k: string; n: number }>(
    sql`SELECT CASE WHEN status = 'active' THEN rung ELSE status END AS k, count(*) AS n
      FROM accounts INDEXED BY accounts_rung_totals_idx GROUP BY rung, status`,
  );
  const complaining = rungs.reduce((s, r) => s + r.n, 0);
  const everyone = all.reduce((s, r) => s + r.n, 0);
  // Ladder order, then off the ladder (lapsed, lost).
  const order: string[] = [...ALL_RUNGS, ...ACCOUNT_STATUSES.filter((s) => s !== "active")];
  const keys = order.filter((k) => rungs.some((r) => r.k === k) || all.some((r) => r.k === k));
  const count = (list: typeof all, k: string) => list.filter((r) => r.k === k).reduce((s, r) => s + r.n, 0);
  return {
    rootCauses: sumBy("cause"),
    responsibleParties: sumBy("party"),
    rootCauseKeys: getSetting(db, "complaintRootCauses"),
    remedies: remedies
      .map((r) => ({ type: r.type, count: r.n, total: r.total, average: r.n ? r.total / r.n : null }))
      .sort((a, b) => b.total - a.total || b.count - a.count),
    remedyTotal: remedies.reduce((s, r) => s + r.total, 0),
    rungs: keys.map((k) => ({
      key: k,
      complaining: count(rungs, k),
      complainingShare: share(count(rungs, k), complaining),
      allShare: share(count(all, k), everyone),
    })),
    complainingAccounts: complaining,
  };
}
