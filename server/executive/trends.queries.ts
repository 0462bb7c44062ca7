// The executive overview, cohort heatmap and ladder over time (issue #6 §2), read from rollups the writes keep
// (migrations 0009, 0023): account_period_activity (orders per account and period, with cohort and previous
// period) summed by previous period (activity_by_prev) and by cohort (activity_by_cohort), and
// ladder_bands_monthly (net accounts per band and month); flows per month from ladder_flows_monthly (migration
// 0003). Every figure is a sum over a primary-key range of at most a few hundred rows.

import { and, between, eq, gt, gte, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import {
  accountPeriodActivity as apa,
  activityByCohort as byCohort,
  activityByPrev as byPrev,
  ladderBandsMonthly,
  ladderFlowsMonthly,
} from "@/db/schema";
import {
  type Grain,
  MONTHS_PER_PERIOD,
  type PeriodRange,
  parsePeriod,
  periodLabel,
  periodOfMonth,
  periodsOf,
  previousRange,
  rangeLabels,
} from "@/lib/periods";
import {
  bandsAtPeriodEnds,
  CUSTOMER_BANDS,
  change,
  cohortTable,
  type Headline,
  headline,
  type PeriodCounts,
  type PeriodLadder,
  periodFigures,
} from "./trends.rules";

const countsByPeriod = preparedPerDb((db) =>
  db
    .select({
      period: byPrev.period,
      active: sql<number>`sum(${byPrev.accounts})`,
      new: sql<number>`sum(CASE WHEN ${byPrev.prev} < 0 THEN ${byPrev.accounts} ELSE 0 END)`,
      kept: sql<number>`sum(CASE WHEN ${byPrev.prev} = ${byPrev.period} - 1 THEN ${byPrev.accounts} ELSE 0 END)`,
      revenue: sql<number>`sum(${byPrev.revenue})`,
      margin: sql<number>`sum(${byPrev.margin})`,
      repeatRevenue: sql<number>`sum(CASE WHEN ${byPrev.prev} >= 0 THEN ${byPrev.revenue} ELSE 0 END)`,
      // An account's first period inside a range starting at X is the one whose previous period is before X
      // (or none, -1): summed over the range's periods, this counts distinct accounts without a DISTINCT.
      firstSince: sql<number>`sum(CASE WHEN ${byPrev.prev} < ${sql.placeholder("since")} THEN ${byPrev.accounts} ELSE 0 END)`,
      firstSincePrevious: sql<number>`sum(CASE WHEN ${byPrev.prev} < ${sql.placeholder("sincePrevious")} THEN ${byPrev.accounts} ELSE 0 END)`,
    })
    .from(byPrev)
    .where(
      and(
        eq(byPrev.grain, sql.placeholder("grain")),
        between(byPrev.period, sql.placeholder("lo"), sql.placeholder("hi")),
      ),
    )
    .groupBy(byPrev.period)
    .having(sql`sum(${byPrev.accounts}) > 0`)
    .prepare(),
);

const allBands = preparedPerDb((db) =>
  db
    .select({
      // Months since year 0, so the running sum compares integers.
      month: sql<number>`CAST(substr(${ladderBandsMonthly.month}, 1, 4) AS INTEGER) * 12 + CAST(substr(${ladderBandsMonthly.month}, 6, 2) AS INTEGER) - 1`,
      band: ladderBandsMonthly.band,
      delta: ladderBandsMonthly.delta,
    })
    .from(ladderBandsMonthly)
    .where(lte(ladderBandsMonthly.month, sql.placeholder("to")))
    .orderBy(ladderBandsMonthly.month)
    .prepare(),
);

const flowsSince = preparedPerDb((db) =>
  db
    .select({ month: ladderFlowsMonthly.month, kind: ladderFlowsMonthly.kind, n: ladderFlowsMonthly.n })
    .from(ladderFlowsMonthly)
    .where(
      and(
        gte(ladderFlowsMonthly.month, sql.placeholder("from")),
        lte(ladderFlowsMonthly.month, sql.placeholder("to")),
      ),
    )
    .prepare(),
);

/** Flows per period of a range: up, down, off (lapsed + lost), won back, and first entries. */
function flowsByPeriod(db: Db, range: PeriodRange) {
  const k = MONTHS_PER_PERIOD[range.grain];
  const rows = flowsSince(db).all({
    from: periodLabel(range.from * k, "month"),
    to: periodLabel(range.to * k + k - 1, "month"),
  });
  const out = new Map(
    periodsOf(range).map((p) => [p, { up: 0, down: 0, lapsed: 0, lost: 0, wonBack: 0, entered: 0 }]),
  );
  for (const r of rows) {
    const f = out.get(periodOfMonth(parsePeriod(r.month, "month"), range.grain));
    if (!f) continue;
    if (r.kind === "won_back") f.wonBack += r.n;
    else f[r.kind] += r.n;
  }
  return out;
}

/** Accounts per band at the end of each period of a range (rebuilt from every ladder move up to then). */
function bandsByPeriod(db: Db, range: PeriodRange) {
  const k = MONTHS_PER_PERIOD[range.grain];
  // Every month's change per band (~10 a month): plain arrays, without drizzle's per-field row mapping.
  const deltas = allBands(db).values({ to: periodLabel(range.to * k + k - 1, "month") }) as [
    number,
    string,
    number,
  ][];
  return bandsAtPeriodEnds(
    deltas.map(([month, band, delta]) => ({ month, band, delta })),
    range,
  );
}

function ladderPerPeriod(db: Db, range: PeriodRange): PeriodLadder[] {
  const withBefore = { ...range, from: range.from - 1 };
  const bands = new Map(bandsByPeriod(db, withBefore).map((b) => [b.period, b]));
  const flows = flowsByPeriod(db, range);
  return periodsOf(range).map((period) => {
    const before = bands.get(period - 1);
    const f = flows.get(period);
    return {
      period,
      defected: (f?.lapsed ?? 0) + (f?.lost ?? 0),
      wonBack: f?.wonBack ?? 0,
      activeAtStart: before ? CUSTOMER_BANDS.reduce((s, b) => s + before[b], 0) : 0,
    };
  });
}

/**
 * The overview: per-period figures of the range (sparklines, acquisition vs retention) and the headline figures
 * of the range against the same number of periods before it.
 */
export function executiveOverview(db: Db, range: PeriodRange) {
  const previous = previousRange(range);
  const rows = countsByPeriod(db).all({
    grain: MONTHS_PER_PERIOD[range.grain],
    lo: previous.from - 1,
    hi: range.to,
    since: range.from,
    sincePrevious: previous.from,
  });
  const counts: PeriodCounts[] = rows.map((r) => ({
    period: r.period,
    active: r.active,
    new: r.new,
    kept: r.kept,
    revenue: r.revenue,
    margin: r.margin,
    repeatRevenue: r.repeatRevenue,
  }));
  const distinct = (r: PeriodRange, pick: (row: (typeof rows)[number]) => number) =>
    rows.filter((row) => row.period >= r.from && row.period <= r.to).reduce((s, row) => s + pick(row), 0);
  const ladder = ladderPerPeriod(db, { ...range, from: previous.from });
  const periods = periodFigures(range, counts, ladder);
  const before = periodFigures(previous, counts, ladder);
  const current = headline(
    periods,
    distinct(range, (r) => r.firstSince),
  );
  const prior = headline(
    before,
    distinct(previous, (r) => r.firstSincePrevious),
  );
  const changes = Object.fromEntries(
    (Object.keys(current) as (keyof Headline)[]).map((k) => [k, change(current[k], prior[k])]),
  ) as Record<keyof Headline, number | null>;
  return {
    range: rangeLabels(range),
    previous: rangeLabels(previous),
    current,
    prior,
    changes,
    periods,
  };
}
export type ExecutiveOverview = ReturnType<typeof executiveOverview>;

const cohortCounts = preparedPerDb((db) =>
  db
    .select({
      cohort: byCohort.cohort,
      period: byCohort.period,
      accounts: byCohort.accounts,
      revenue: byCohort.revenue,
      // An account's first period back: the row whose previous period with an order is its first.
      returned: byCohort.returned,
    })
    .from(byCohort)
    .where(
      and(
        eq(byCohort.grain, sql.placeholder("grain")),
        between(byCohort.cohort, sql.placeholder("from"), sql.placeholder("to")),
        lte(byCohort.period, sql.placeholder("to")),
        gt(byCohort.accounts, 0),
      ),
    )
    .prepare(),
);

/** The cohort table of the cohorts whose first period falls in the range, followed to the range's end. */
export function cohortHeatmap(db: Db, range: PeriodRange) {
  // Up to ~700 cells for 36 months: read as plain arrays, not through drizzle's per-field row mapping (which
  // cost more than the query; measured with npm run bench).
  const cells = cohortCounts(db).values({
    grain: MONTHS_PER_PERIOD[range.grain],
    from: range.from,
    to: range.to,
  }) as [number, number, number, number, number][];
  const counts = cells.map(([cohort, period, accounts, revenue, returned]) => ({
    cohort,
    period,
    accounts,
    revenue,
    returned,
  }));
  return { range: rangeLabels(range), cohorts: cohortTable(counts, range) };
}
export type CohortHeatmap = ReturnType<typeof cohortHeatmap>;

/** Accounts per rung (and lapsed, lost) at the end of each period, and the moves per period. */
export function ladderOverTime(db: Db, range: PeriodRange) {
  const bands = bandsByPeriod(db, range);
  const flows = flowsByPeriod(db, range);
  return {
    range: rangeLabels(range),
    stack: bands,
    flows: bands.map(({ period, label }) => {
      const f = flows.get(period) ?? { up: 0, down: 0, lapsed: 0, lost: 0, wonBack: 0, entered: 0 };
      return { period, label, up: f.up, down: f.down, off: f.lapsed + f.lost, wonBack: f.wonBack };
    }),
  };
}
export type LadderOverTime = ReturnType<typeof ladderOverTime>;

const firstActivity = preparedPerDb((db) =>
  db
    .select({ first: sql<number | null>`min(${apa.period})` })
    .from(apa)
    .where(eq(apa.grain, sql.placeholder("grain")))
    .prepare(),
);
const firstBandMonth = preparedPerDb((db) =>
  db
    .select({ first: sql<string | null>`min(${ladderBandsMonthly.month})` })
    .from(ladderBandsMonthly)
    .prepare(),
);

/**
 * The first period with any order or ladder move at a grain, or null on an empty database: where the range
 * pickers start (they offered a decade of empty periods before it).
 */
export function firstPeriod(db: Db, grain: Grain): number | null {
  const orders = firstActivity(db).get({ grain: MONTHS_PER_PERIOD[grain] })?.first ?? null;
  const month = firstBandMonth(db).get()?.first ?? null;
  const moves = month === null ? null : periodOfMonth(parsePeriod(month, "month"), grain);
  const known = [orders, moves].filter((p): p is number => p !== null && !Number.isNaN(p));
  return known.length ? Math.min(...known) : null;
}
