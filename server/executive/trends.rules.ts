// Periods, ranges and the shaping of per-period rollup rows into the executive view's figures (issue #6 §1–2).
// Pure: the SQL in trends.queries.ts counts per period; these functions turn the counts into the figures the
// screens show, with the definitions of retention.rules.ts.
import { ALL_RUNGS, RUNGS, rungIndex } from "@/lib/ladder";
import { monthsOfPeriod, type PeriodRange, periodLabel, periodsOf } from "@/lib/periods";
import { type Cohort, defectionRate } from "./retention.rules";

/** A chart series carries at most this many periods (ten years of months). */
export const MAX_PERIODS = 120;

/** Relative change of a figure against the previous range; null when there is nothing to compare with. */
export function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Per period, what the account_period_activity rollup counts. */
export type PeriodCounts = {
  period: number;
  /** Accounts with at least one order in the period. */
  active: number;
  /** Of those, accounts whose first order ever falls in the period (new first-time buyers). */
  new: number;
  /** Of those, accounts that also ordered in the period before (kept). */
  kept: number;
  revenue: number;
  margin: number;
  /** Revenue from accounts that had ordered in an earlier period (repeat customers and above). */
  repeatRevenue: number;
};

/** Per period, what the ladder rollups give: defections, win-backs and accounts active at the start. */
export type PeriodLadder = { period: number; defected: number; wonBack: number; activeAtStart: number };

export type PeriodFigures = {
  period: number;
  label: string;
  activeAccounts: number;
  newAccounts: number;
  keptAccounts: number;
  /** Accounts that ordered in the period before. */
  orderedBefore: number;
  /** Repeat-purchase retention: kept ÷ accounts that ordered in the period before. */
  retention: number | null;
  defected: number;
  activeAtStart: number;
  defectionRate: number | null;
  wonBack: number;
  revenue: number;
  margin: number;
  /** Revenue from accounts that had ordered in an earlier period. */
  repeatRevenue: number;
  repeatRevenueShare: number | null;
};

/** Every period of the range, with zeros where the rollups have no row (a period with no activity). */
export function periodFigures(
  range: PeriodRange,
  counts: readonly PeriodCounts[],
  ladder: readonly PeriodLadder[],
): PeriodFigures[] {
  const byPeriod = new Map(counts.map((c) => [c.period, c]));
  const ladderBy = new Map(ladder.map((l) => [l.period, l]));
  return periodsOf(range).map((period) => {
    const c = byPeriod.get(period);
    const before = byPeriod.get(period - 1)?.active ?? 0;
    const l = ladderBy.get(period);
    const kept = c?.kept ?? 0;
    const revenue = c?.revenue ?? 0;
    return {
      period,
      label: periodLabel(period, range.grain),
      activeAccounts: c?.active ?? 0,
      newAccounts: c?.new ?? 0,
      keptAccounts: kept,
      orderedBefore: before,
      retention: ratio(kept, before),
      defected: l?.defected ?? 0,
      activeAtStart: l?.activeAtStart ?? 0,
      defectionRate: defectionRate(l?.defected ?? 0, l?.activeAtStart ?? 0),
      wonBack: l?.wonBack ?? 0,
      revenue,
      margin: c?.margin ?? 0,
      repeatRevenue: c?.repeatRevenue ?? 0,
      repeatRevenueShare: ratio(c?.repeatRevenue ?? 0, revenue),
    };
  });
}

export type Headline = {
  /** Distinct accounts with an order in the range. */
  activeAccounts: number;
  /** Σ kept ÷ Σ accounts that ordered in the period before, over the range's periods. */
  retention: number | null;
  /** Defections in the range ÷ accounts active at its start. */
  defectionRate: number | null;
  winBacks: number;
  revenue: number;
  margin: number;
  repeatRevenueShare: number | null;
};

/** The range's headline figures from its periods (and the distinct active count the SQL gives). */
export function headline(periods: readonly PeriodFigures[], distinctActive: number): Headline {
  let kept = 0;
  let before = 0;
  let defected = 0;
  let winBacks = 0;
  let revenue = 0;
  let margin = 0;
  let repeatRevenue = 0;
  for (const p of periods) {
    kept += p.keptAccounts;
    before += p.orderedBefore;
    defected += p.defected;
    winBacks += p.wonBack;
    revenue += p.revenue;
    margin += p.margin;
    repeatRevenue += p.repeatRevenue;
  }
  return {
    activeAccounts: distinctActive,
    retention: ratio(kept, before),
    defectionRate: defectionRate(defected, periods[0]?.activeAtStart ?? 0),
    winBacks,
    revenue,
    margin,
    repeatRevenueShare: ratio(repeatRevenue, revenue),
  };
}

/**
 * Cohort × period counts as the rollup gives them; `returned` = accounts whose first order after their first
 * period falls in this period (their row's previous period is the cohort).
 */
export type CohortCount = {
  cohort: number;
  period: number;
  accounts: number;
  revenue: number;
  returned: number;
};

/**
 * The cohort table (retention.rules `cohorts` definition) from per-cell counts: size and first revenue are the
 * cohort's own period; a cell with no row is 0 (a period in which none of the cohort ordered).
 */
export function cohortTable(counts: readonly CohortCount[], range: PeriodRange): Cohort[] {
  const byCohort = new Map<number, Map<number, CohortCount>>();
  for (const c of counts) {
    const cells = byCohort.get(c.cohort) ?? new Map<number, CohortCount>();
    cells.set(c.period, c);
    byCohort.set(c.cohort, cells);
  }
  return periodsOf(range).flatMap((cohort) => {
    const cells = byCohort.get(cohort);
    const first = cells?.get(cohort);
    if (!cells || !first) return [];
    const out: Cohort["cells"] = [];
    let cameBack = 0;
    for (let p = cohort; p <= range.to; p += 1) {
      const c = cells.get(p);
      const active = c?.accounts ?? 0;
      const revenue = c?.revenue ?? 0;
      if (p > cohort) cameBack += c?.returned ?? 0;
      out.push({
        active,
        retention: active / first.accounts,
        revenue,
        revenueRetention: first.revenue > 0 ? revenue / first.revenue : null,
        cameBack,
        cameBackShare: p === cohort ? null : cameBack / first.accounts,
      });
    }
    return [{ period: cohort, size: first.accounts, firstRevenue: first.revenue, cells: out }];
  });
}

export const STACK_BANDS = [...ALL_RUNGS, "lapsed", "lost"] as const;
export type StackBand = (typeof STACK_BANDS)[number];

/**
 * Accounts per band at the end of each period of a range, from net monthly changes (month index → band →
 * delta, ascending by month): the running sum of every change up to the period's last month.
 */
export function bandsAtPeriodEnds(
  deltas: readonly { month: number; band: string; delta: number }[],
  range: PeriodRange,
): ({ period: number; label: string } & Record<StackBand, number>)[] {
  const sorted = deltas;
  const running = Object.fromEntries(STACK_BANDS.map((b) => [b, 0])) as Record<StackBand, number>;
  let i = 0;
  return periodsOf(range).map((period) => {
    const { last } = monthsOfPeriod(period, range.grain);
    for (; i < sorted.length && (sorted[i] as (typeof sorted)[number]).month <= last; i += 1) {
      const d = sorted[i] as (typeof sorted)[number];
      if (d.band in running) running[d.band as StackBand] += d.delta;
    }
    return { period, label: periodLabel(period, range.grain), ...running };
  });
}

/** Bands of active customers (first-time buyer and above): the base the defection rate divides by. */
export const CUSTOMER_BANDS: readonly StackBand[] = RUNGS.slice(rungIndex("first_time"));
