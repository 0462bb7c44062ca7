// The complaints dashboard (issue #5 §3). Counts come from complaint_rollup (per received month, channel and
// category, kept by triggers) for the whole months before the current one, and from complaints_dashboard_idx
// for the current month, which `now` cuts (issue #12 §1: reading every complaint of 12–36 months took 20–110 ms
// a call at 100k accounts). What the clock decides — complaints still within their promised time — is read
// from two partial indexes and set apart. dashboard.rules turns the counts into series, quantiles and rates.

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ACCOUNT_STATUSES, ALL_RUNGS } from "@/db/schema";
import { pareto } from "@/lib/pareto";
import { lastMonthsWindow, monthIndexesOf, periodIndex, periodLabel } from "@/lib/periods";
import { getSetting } from "../settings/settings.queries";
import { complaintsSettings } from "./complaints.settings";
import {
  matureBefore,
  quantileRanks,
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

/**
 * final_outcome (a generated column) is outcomeSql without the clock; this is the clock's part: a complaint
 * still open within its promised time has no outcome yet at `now`. Counted beside its group, then set apart.
 */
export function pendingSql(now: number): SQL {
  return sql`(c.resolved_at IS NULL AND c.closed_at IS NULL AND ${now} <= c.resolve_due_at)`;
}

/** Month index (year * 12 + month - 1, as retention.rules periodIndex) of received_at: a generated column. */
const MONTH = sql.raw("c.received_month");

function where(f: ComplaintDashboardFilters, range: { from: number; to: number }, months: number[]): SQL {
  // The month range leads complaints_dashboard_idx; received_at keeps the period exact.
  const parts: SQL[] = [
    sql`c.received_month BETWEEN ${months[0] ?? 0} AND ${months[months.length - 1] ?? 0}`,
    sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`,
  ];
  if (f.channel) parts.push(sql`c.channel = ${f.channel}`);
  if (f.category) parts.push(sql`c.category = ${f.category}`);
  return sql.join(parts, sql` AND `);
}

/**
 * Where the counts come from: complaint_rollup for the whole months before the current one (the default), or
 * complaints alone for the whole period ("plain": the queries the rollup must agree with).
 */
export type CountSource = "rollup" | "plain";

function context(f: ComplaintDashboardFilters, now: number, source: CountSource = "rollup") {
  const range = lastMonthsWindow(now, f.months);
  const months = monthIndexesOf(range);
  return { range, months, w: where(f, range, months), ...split(f, range, months, now, source) };
}

/**
 * The period in two parts. `rolled`: complaint_rollup r's rows of the whole months before the current one
 * (every complaint in them was received before `now`); `rolledComplaints`: the same months' complaints c (to
 * set apart those still within their time). `live`: complaints c of the current month up to `now`.
 */
function split(
  f: ComplaintDashboardFilters,
  range: { from: number; to: number },
  months: number[],
  now: number,
  source: CountSource,
) {
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const current = source === "rollup" ? periodIndex(now, "month") : first;
  const rolledLast = Math.min(last, current - 1);
  const rolled: SQL[] = [sql`r.month BETWEEN ${first} AND ${rolledLast}`];
  const rolledComplaints: SQL[] = [sql`c.received_month BETWEEN ${first} AND ${rolledLast}`];
  const live: SQL[] = [
    sql`c.received_month BETWEEN ${current} AND ${last}`,
    sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`,
  ];
  if (f.channel) {
    rolled.push(sql`r.channel = ${f.channel}`);
    rolledComplaints.push(sql`c.channel = ${f.channel}`);
    live.push(sql`c.channel = ${f.channel}`);
  }
  if (f.category) {
    rolled.push(sql`r.category = ${f.category}`);
    rolledComplaints.push(sql`c.category = ${f.category}`);
    live.push(sql`c.category = ${f.category}`);
  }
  const and = (parts: SQL[]) => sql.join(parts, sql` AND `);
  return { rolled: and(rolled), rolledComplaints: and(rolledComplaints), live: and(live) };
}

const ROLLUP = sql.raw("complaint_rollup r");
/** The rolled months' complaints still within the promised resolution time at `now` ("pending"). */
const PENDING = sql.raw("complaints c INDEXED BY complaints_pending_idx");
/** The rolled months' complaints not acknowledged and still within the acknowledgement time at `now`. */
const ACK_WAITING = sql.raw("complaints c INDEXED BY complaints_ack_waiting_idx");

/** Complaints per month by category and by channel (every month of the period, empty ones included). */
export function complaintVolume(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const { range, months, rolled, live } = context(f, now, source);
  const rows = db.all<{ p: number; category: string; channel: string; n: number }>(
    sql`SELECT p, category, channel, sum(n) AS n FROM (
        SELECT r.month AS p, r.category AS category, r.channel AS channel, r.n AS n
        FROM ${ROLLUP} WHERE r.kind = 'outcome' AND ${rolled}
        UNION ALL
        SELECT ${MONTH}, c.category, c.channel, count(*) FROM ${C} WHERE ${live} GROUP BY 1, 2, 3)
      GROUP BY 1, 2, 3`,
  );
  const series = (key: "category" | "channel") =>
    months.map((p) => {
      const counts: Record<string, number> = {};
      for (const r of rows) if (r.p === p) counts[r[key]] = (counts[r[key]] ?? 0) + r.n;
      return { period: periodLabel(p, "month"), counts };
    });
  return {
    from: range.from,
    to: range.to,
    total: rows.reduce((s, r) => s + r.n, 0),
    byCategory: series("category"),
    byChannel: series("channel"),
  };
}

type Measure = "ack" | "resolve";

/**
 * Median and p90 of a duration over the period's complaints where it is known, overall and per month, given
 * each month's count: one statement whose rows each walk a duration index to one wanted rank
 * (dashboard.rules quantileRanks) with LIMIT 1 OFFSET rank - 1, instead of sorting the period.
 */
function durationQuantiles(
  db: Db,
  f: ComplaintDashboardFilters,
  range: { from: number; to: number },
  measure: Measure,
  counts: ReadonlyArray<{ p: number; n: number }>,
) {
  const col = sql.raw(measure === "ack" ? "c.ack_ms" : "c.resolve_ms");
  const byMonth = sql.raw(`complaints c INDEXED BY complaints_${measure}_month_idx`);
  const byOrder = sql.raw(`complaints c INDEXED BY complaints_${measure}_order_idx`);
  const filters: SQL[] = [sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`];
  if (f.channel) filters.push(sql`c.channel = ${f.channel}`);
  if (f.category) filters.push(sql`c.category = ${f.category}`);
  const w = sql.join(filters, sql` AND `);
  const ranks = (n: number) => [...new Set(Object.values(quantileRanks(n)))];
  const terms: SQL[] = [];
  for (const { p, n } of counts) {
    if (n === 0) continue;
    for (const r of ranks(n)) {
      terms.push(sql`SELECT ${p} AS p, ${r} AS rn, (SELECT ${col} FROM ${byMonth}
        WHERE c.received_month = ${p} AND ${col} IS NOT NULL AND ${w} ORDER BY ${col} LIMIT 1 OFFSET ${r - 1}) AS v`);
    }
  }
  const total = counts.reduce((s, c) => s + c.n, 0);
  if (total > 0) {
    for (const r of ranks(total)) {
      terms.push(sql`SELECT -1 AS p, ${r} AS rn, (SELECT ${col} FROM ${byOrder}
        WHERE ${col} IS NOT NULL AND ${w} ORDER BY ${col} LIMIT 1 OFFSET ${r - 1}) AS v`);
    }
  }
  const rows = terms.length
    ? db.all<{ p: number; rn: number; v: number }>(sql.join(terms, sql` UNION ALL `))
    : [];
  const of = (p: number, n: number) =>
    quantilesFromRanks(
      n,
      rows.filter((r) => r.p === p),
    );
  return {
    overall: { n: total, ...of(-1, total) },
    of: (p: number) => of(p, counts.find((c) => c.p === p)?.n ?? 0),
  };
}

/**
 * Acknowledgement time (received → acknowledged) and resolution time (received → the customer's
 * confirmation): median and p90, overall and per month, and the share within the promise, over the complaints
 * whose promise is decided (done, or past due).
 */
export function complaintTimes(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const { range, months, rolled, rolledComplaints, live } = context(f, now, source);
  const promise = db.all<{
    p: number;
    ackN: number;
    resN: number;
    ackDecided: number;
    ackMet: number;
    resDecided: number;
    resMet: number;
  }>(
    // A rolled month's complaints are all decided but those still within their time at `now` (set apart).
    sql`SELECT p, sum(ackN) AS ackN, sum(resN) AS resN, sum(ackDecided) AS ackDecided, sum(ackMet) AS ackMet,
        sum(resDecided) AS resDecided, sum(resMet) AS resMet FROM (
        SELECT r.month AS p, r.ack_n AS ackN, r.res_n AS resN, r.n AS ackDecided, r.ack_met AS ackMet,
          r.n AS resDecided, r.res_met AS resMet
        FROM ${ROLLUP} WHERE r.kind = 'outcome' AND ${rolled}
        UNION ALL
        SELECT c.received_month, 0, 0, -count(*), 0, 0, 0 FROM ${ACK_WAITING}
        WHERE c.acknowledged_at IS NULL AND c.ack_due_at >= ${now} AND ${rolledComplaints} GROUP BY 1
        UNION ALL
        SELECT c.received_month, 0, 0, 0, 0, -count(*), 0 FROM ${PENDING}
        WHERE ${pendingSql(now)} AND ${rolledComplaints} GROUP BY 1
        UNION ALL
        SELECT ${MONTH},
          sum(c.acknowledged_at IS NOT NULL),
          sum(c.resolved_at IS NOT NULL),
          sum(c.acknowledged_at IS NOT NULL OR c.ack_due_at < ${now}),
          sum(c.acknowledged_at IS NOT NULL AND c.acknowledged_at <= c.ack_due_at),
          sum(c.resolved_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.resolve_due_at < ${now}),
          sum(c.resolved_at IS NOT NULL AND c.resolved_at <= c.resolve_due_at)
        FROM ${C} WHERE ${live} GROUP BY 1)
      GROUP BY 1`,
  );
  const ack = durationQuantiles(
    db,
    f,
    range,
    "ack",
    promise.map((r) => ({ p: r.p, n: r.ackN })),
  );
  const res = durationQuantiles(
    db,
    f,
    range,
    "resolve",
    promise.map((r) => ({ p: r.p, n: r.resN })),
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
        period: periodLabel(p, "month"),
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
export function complaintOutcomes(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const { range, months, rolled, rolledComplaints, live } = context(f, now, source);
  const pending = pendingSql(now);
  const filters: SQL[] = [sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`];
  if (f.channel) filters.push(sql`c.channel = ${f.channel}`);
  if (f.category) filters.push(sql`c.category = ${f.category}`);
  // Per (month, final outcome): the complaints, and how many of them are still within their time.
  const groups = db.all<{ p: number; outcome: string; n: number; pending: number }>(
    sql`SELECT p, outcome, sum(n) AS n, sum(pending) AS pending FROM (
        SELECT r.month AS p, r.k1 AS outcome, r.n AS n, 0 AS pending
        FROM ${ROLLUP} WHERE r.kind = 'outcome' AND ${rolled}
        UNION ALL
        SELECT c.received_month, c.final_outcome, 0, count(*) FROM ${PENDING}
        WHERE ${pending} AND ${rolledComplaints} GROUP BY 1, 2
        UNION ALL
        SELECT c.received_month, c.final_outcome, count(*), sum(${pending})
        FROM complaints c INDEXED BY complaints_outcome_month_idx WHERE ${live} GROUP BY 1, 2)
      GROUP BY 1, 2`,
  );
  const mixRows = groups.flatMap((g) => [
    { p: g.p, outcome: g.outcome as string | null, n: g.n - g.pending },
    { p: g.p, outcome: null, n: g.pending },
  ]);
  const key = (o: string | null) => o ?? "pending";
  const mix: Record<string, number> = {};
  for (const r of mixRows) if (r.n) mix[key(r.outcome)] = (mix[key(r.outcome)] ?? 0) + r.n;
  const days = f.repurchaseDays;
  const window = days * 86_400_000;
  const matureTo = Math.min(range.to, matureBefore(now, days) + 1);
  // Per (account, outcome), in the order of complaints_outcome_account_idx (no sort): the first complaint t
  // and next_order_at, the account's first order after it. The bare column comes from the row that gives
  // min(received_at), SQLite's rule for a single min() aggregate. The outer sums avoid a second sort.
  const outcomes = ["resolved_quickly", "resolved", "unacknowledged", "unresolved"] as const;
  const sums = outcomes.flatMap((o, i) => [
    sql`sum(o = ${o}) AS ${sql.raw(`a${i}`)}`,
    sql`sum(o = ${o} AND nx IS NOT NULL AND nx <= t + ${window}) AS ${sql.raw(`r${i}`)}`,
  ]);
  const row = db.get<Record<string, number | null>>(
    sql`SELECT ${sql.join(sums, sql`, `)}
      FROM (SELECT c.account_id AS a, c.final_outcome AS o, min(c.received_at) AS t, c.next_order_at AS nx
        FROM complaints c INDEXED BY complaints_outcome_account_idx
        WHERE ${sql.join(filters, sql` AND `)} AND c.received_at < ${matureTo} AND NOT ${pending}
        GROUP BY 1, 2) f`,
  );
  const rep = outcomes
    .map((outcome, i) => ({ outcome, accounts: row?.[`a${i}`] ?? 0, repurchased: row?.[`r${i}`] ?? 0 }))
    .filter((r) => r.accounts > 0);
  return {
    total: mixRows.reduce((s, r) => s + r.n, 0),
    mix,
    periods: months.map((p) => {
      const counts: Record<string, number> = {};
      for (const r of mixRows)
        if (r.p === p && r.n) counts[key(r.outcome)] = (counts[key(r.outcome)] ?? 0) + r.n;
      return { period: periodLabel(p, "month"), counts };
    }),
    repurchaseDays: days,
    /** Complaints received before this moment have a full window of N days behind them. */
    matureTo,
    repurchase: repurchaseByOutcome(rep),
  };
}

/** Complaining accounts had ordered within about a month before complaining; the comparison group likewise. */
const RECENT_BUYER_DAYS = 30;

/**
 * The comparison: accounts that ordered in the 30 days before the period began and had no complaint in the
 * period (any channel or category); the share with an order within N days after the period's first day. Null
 * until that window has ended. Read from recent_buyers (the period's first day is a month's: its recent buyers
 * with their next order and first complaint from then on, kept by triggers); "plain" from the orders.
 */
export function noComplaintRepurchase(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const range = lastMonthsWindow(now, f.months);
  const window = f.repurchaseDays * 86_400_000;
  const anchor = range.from;
  if (anchor + window > now) return { accounts: 0, repurchased: 0, rate: null, anchor };
  const row = db.get<{ accounts: number; repurchased: number | null }>(
    source === "rollup"
      ? sql`SELECT count(*) AS accounts, sum(b.next_order_at <= ${anchor + window}) AS repurchased
        FROM recent_buyers b INDEXED BY recent_buyers_anchor_idx
        WHERE b.anchor = ${anchor} AND (b.first_complaint_at IS NULL OR b.first_complaint_at >= ${range.to})`
      : sql`SELECT count(*) AS accounts,
        sum(EXISTS (SELECT 1 FROM orders x WHERE x.account_id = b.id AND x.ordered_at > ${anchor}
          AND x.ordered_at <= ${anchor + window})) AS repurchased
      FROM (SELECT DISTINCT o.account_id AS id FROM orders o INDEXED BY orders_date_account_idx
        WHERE o.ordered_at >= ${anchor - RECENT_BUYER_DAYS * 86_400_000} AND o.ordered_at < ${anchor}) b
      WHERE NOT EXISTS (SELECT 1 FROM complaints k WHERE k.account_id = b.id
        AND k.received_at >= ${range.from} AND k.received_at < ${range.to})`,
  );
  const accounts = row?.accounts ?? 0;
  const repurchased = row?.repurchased ?? 0;
  return { accounts, repurchased, rate: share(repurchased, accounts), anchor };
}

/**
 * Where complaints come from and what fixing them cost: root causes and responsible parties as Pareto bars
 * (investigated complaints), and remedies carried out by type (count, total and average value).
 */
export function complaintCauses(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const { rolled, live } = context(f, now, source);
  const causes = db.all<{ cause: string; party: string | null; n: number }>(
    sql`SELECT cause, party, sum(n) AS n FROM (
        SELECT r.k1 AS cause, nullif(r.k2, '') AS party, r.n AS n FROM ${ROLLUP} WHERE r.kind = 'cause' AND ${rolled}
        UNION ALL
        SELECT c.root_cause, c.responsible_party, count(*) FROM ${C}
        WHERE ${live} AND c.root_cause IS NOT NULL GROUP BY 1, 2)
      GROUP BY 1, 2`,
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
    sql`SELECT type, sum(n) AS n, sum(total) AS total FROM (
        SELECT r.k1 AS type, r.n AS n, r.value AS total FROM ${ROLLUP} WHERE r.kind = 'remedy' AND ${rolled}
        UNION ALL
        SELECT c.remedy_type, count(*), coalesce(sum(c.remedy_value), 0) FROM ${C}
        WHERE ${live} AND c.remedy_carried_out_at IS NOT NULL AND c.remedy_type IS NOT NULL GROUP BY 1)
      GROUP BY 1`,
  );
  return {
    rootCauses: sumBy("cause"),
    responsibleParties: sumBy("party"),
    rootCauseKeys: getSetting(db, complaintsSettings.rootCauses),
    remedies: remedies
      .map((r) => ({ type: r.type, count: r.n, total: r.total, average: r.n ? r.total / r.n : null }))
      .sort((a, b) => b.total - a.total || b.count - a.count),
    remedyTotal: remedies.reduce((s, r) => s + r.total, 0),
  };
}

/** The rungs complaining accounts stand on now (lapsed and lost apart), as shares beside all accounts. */
export function complainingRungs(
  db: Db,
  f: ComplaintDashboardFilters,
  now = Date.now(),
  source: CountSource = "rollup",
) {
  const { range, w } = context(f, now, source);
  // From complaints.account_band (each complaint carries its account's band, kept by triggers) in account
  // order, and account_totals (accounts per status, rung, level…); "plain" reads the accounts themselves.
  const filters: SQL[] = [sql`c.received_at >= ${range.from} AND c.received_at < ${range.to}`];
  if (f.channel) filters.push(sql`c.channel = ${f.channel}`);
  if (f.category) filters.push(sql`c.category = ${f.category}`);
  const rungs = db.all<{ k: string; n: number }>(
    source === "rollup"
      ? sql`SELECT k, count(*) AS n FROM (SELECT DISTINCT c.account_id, c.account_band AS k
          FROM complaints c INDEXED BY complaints_account_band_idx WHERE ${sql.join(filters, sql` AND `)})
        GROUP BY 1`
      : sql`SELECT CASE WHEN a.status = 'active' THEN a.rung ELSE a.status END AS k, count(*) AS n
        FROM accounts a WHERE a.id IN (SELECT c.account_id FROM ${C} WHERE ${w}) GROUP BY 1`,
  );
  const all = db.all<{ k: string; n: number }>(
    source === "rollup"
      ? sql`SELECT CASE WHEN status = 'active' THEN rung ELSE status END AS k, sum(accounts) AS n
        FROM account_totals GROUP BY status, rung HAVING sum(accounts) > 0`
      : sql`SELECT CASE WHEN status = 'active' THEN rung ELSE status END AS k, count(*) AS n
        FROM accounts INDEXED BY accounts_rung_totals_idx GROUP BY rung, status`,
  );
  const complaining = rungs.reduce((s, r) => s + r.n, 0);
  const everyone = all.reduce((s, r) => s + r.n, 0);
  // Ladder order, then off the ladder (lapsed, lost).
  const order: string[] = [...ALL_RUNGS, ...ACCOUNT_STATUSES.filter((s) => s !== "active")];
  const keys = order.filter((k) => rungs.some((r) => r.k === k) || all.some((r) => r.k === k));
  const count = (list: typeof all, k: string) => list.filter((r) => r.k === k).reduce((s, r) => s + r.n, 0);
  return {
    rungs: keys.map((k) => ({
      key: k,
      complaining: count(rungs, k),
      complainingShare: share(count(rungs, k), complaining),
      allShare: share(count(all, k), everyone),
    })),
    complainingAccounts: complaining,
  };
}
