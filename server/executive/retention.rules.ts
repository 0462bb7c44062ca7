// Retention, churn and lifetime value as defined for the executive view (issue #6 §1, domain.md §1 and §5).
// Pure: the SQL that feeds these works per period; these functions define the figures and are what the
// screen's info lines state.

/** One account's order history reduced to periods: revenue per period index. */
export type AccountPeriods = { accountId: number; revenueByPeriod: ReadonlyMap<number, number> };

export type CohortCell = {
  /** Accounts of the cohort with at least one order in period cohort + offset. */
  active: number;
  /** active ÷ cohort size. */
  retention: number;
  revenue: number;
  /** Cohort revenue in cohort + offset ÷ cohort revenue in its first period; null when that is 0. */
  revenueRetention: number | null;
  /** Accounts of the cohort that ordered again within `offset` periods (in any period cohort+1 … cohort+offset). */
  cameBack: number;
  /** cameBack ÷ cohort size; null at offset 0 (nobody can come back within no period). */
  cameBackShare: number | null;
};

export type Cohort = { period: number; size: number; firstRevenue: number; cells: CohortCell[] };

/**
 * Cohort retention: a cohort is the accounts whose first order falls in a period; cell (c, k) is the share of
 * the cohort with at least one order in period c + k, and beside it the cohort's revenue in c + k divided by
 * its revenue in c. Offsets run up to `lastPeriod`.
 */
export function cohorts(accounts: readonly AccountPeriods[], lastPeriod: number): Cohort[] {
  const byCohort = new Map<number, AccountPeriods[]>();
  for (const a of accounts) {
    if (a.revenueByPeriod.size === 0) continue;
    const first = Math.min(...a.revenueByPeriod.keys());
    const list = byCohort.get(first) ?? [];
    list.push(a);
    byCohort.set(first, list);
  }
  return [...byCohort.entries()]
    .sort(([x], [y]) => x - y)
    .map(([period, members]) => {
      const firstRevenue = members.reduce((s, a) => s + (a.revenueByPeriod.get(period) ?? 0), 0);
      const cells: CohortCell[] = [];
      const back = new Set<number>();
      for (let k = 0; period + k <= lastPeriod; k += 1) {
        let active = 0;
        let revenue = 0;
        for (const a of members) {
          const r = a.revenueByPeriod.get(period + k);
          if (r !== undefined) {
            active += 1;
            revenue += r;
            if (k > 0) back.add(a.accountId);
          }
        }
        cells.push({
          active,
          retention: active / members.length,
          revenue,
          revenueRetention: firstRevenue > 0 ? revenue / firstRevenue : null,
          cameBack: back.size,
          cameBackShare: k === 0 ? null : back.size / members.length,
        });
      }
      return { period, size: members.length, firstRevenue, cells };
    });
}

/** Repeat-purchase retention for P: of the accounts that ordered in P−1, the share that ordered in P. */
export function repeatPurchaseRetention(
  orderedBefore: ReadonlySet<number>,
  orderedNow: ReadonlySet<number>,
): number | null {
  if (orderedBefore.size === 0) return null;
  let kept = 0;
  for (const id of orderedBefore) if (orderedNow.has(id)) kept += 1;
  return kept / orderedBefore.size;
}

/** Defection (churn) rate for P: accounts that lapsed or were marked lost during P ÷ accounts active at its start. */
export function defectionRate(defected: number, activeAtStart: number): number | null {
  return activeAtStart > 0 ? defected / activeAtStart : null;
}

export const MAX_LIFETIME_YEARS = 10;

/** Expected lifetime in years: 1 ÷ yearly defection rate, capped at 10 years (and 10 when nobody defects). */
export function expectedLifetimeYears(yearlyDefectionRate: number): number {
  if (yearlyDefectionRate <= 0) return MAX_LIFETIME_YEARS;
  return Math.min(1 / yearlyDefectionRate, MAX_LIFETIME_YEARS);
}

/** Customer lifetime value: average yearly margin per active account × expected lifetime in years. */
export function lifetimeValue(averageYearlyMargin: number, yearlyDefectionRate: number): number {
  return averageYearlyMargin * expectedLifetimeYears(yearlyDefectionRate);
}

/** A yearly defection rate from a rate per period of `periodsPerYear` (12 months or 4 quarters). */
export function yearlyFromPeriodRate(periodRate: number, periodsPerYear: number): number {
  return 1 - (1 - periodRate) ** periodsPerYear;
}
