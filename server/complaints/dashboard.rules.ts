// The complaints dashboard's arithmetic (issue #5 §3). Pure: the queries count in SQL, these turn counts and
// ranked rows into periods, quantiles, shares and repurchase rates.
import { periodIndex } from "@/lib/periods";
import { LITERATURE_REPURCHASE, OUTCOMES, type Outcome, repurchaseRate } from "./sla.rules";

const DAY = 86_400_000;

/** [from, to): from the first day (UTC) of the month `months - 1` before now's month, up to now. */
export function dashboardRange(now: number, months: number): { from: number; to: number } {
  const d = new Date(now);
  return { from: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (months - 1), 1), to: now };
}

/** Every month index of the range, empty ones included. */
export function monthsOf(range: { from: number; to: number }): number[] {
  const first = periodIndex(range.from, "month");
  const last = periodIndex(range.to - 1, "month");
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

/**
 * The 1-based ranks whose values give the median and the 90th percentile of n sorted values, as
 * sla.rules medianAndP90 defines them: the median averages the two middle values when n is even; the p90 is
 * the nearest rank ceil(0.9 n). The SQL walks a duration index to exactly these ranks.
 */
export function quantileRanks(n: number): { lowMid: number; highMid: number; p90: number } {
  return { lowMid: Math.floor((n + 1) / 2), highMid: Math.floor((n + 2) / 2), p90: Math.ceil(0.9 * n) };
}

/** Median and p90 from the ranked rows the SQL returned (value at each wanted rank). */
export function quantilesFromRanks(
  n: number,
  rows: ReadonlyArray<{ rn: number; v: number }>,
): { median: number | null; p90: number | null } {
  if (n === 0) return { median: null, p90: null };
  const r = quantileRanks(n);
  const at = (rank: number) => rows.find((x) => x.rn === rank)?.v ?? null;
  const lo = at(r.lowMid);
  const hi = at(r.highMid);
  return { median: lo === null || hi === null ? null : (lo + hi) / 2, p90: at(r.p90) };
}

export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The literature's repurchase rate per outcome as a number for charts (lower bound of the range quoted). */
export const LITERATURE_RATE: Record<Outcome, number> = {
  unacknowledged: 0.1,
  unresolved: 0.2,
  resolved: 0.54,
  resolved_quickly: 0.8,
};

export type RepurchaseRow = {
  outcome: Outcome;
  accounts: number;
  repurchased: number;
  rate: number | null;
  literature: string;
  literatureRate: number;
};

/**
 * Repurchase by outcome: per outcome, the complaining accounts (counted once per outcome, at their first
 * complaint with that outcome in the period whose window of N days has ended) and how many ordered within
 * N days after it. Every outcome is listed, empty ones with a null rate.
 */
export function repurchaseByOutcome(
  rows: ReadonlyArray<{ outcome: string; accounts: number; repurchased: number }>,
): RepurchaseRow[] {
  return OUTCOMES.map((outcome) => {
    const r = rows.find((x) => x.outcome === outcome);
    const accounts = r?.accounts ?? 0;
    const repurchased = r?.repurchased ?? 0;
    return {
      outcome,
      accounts,
      repurchased,
      rate: repurchaseRate(repurchased, accounts),
      literature: LITERATURE_REPURCHASE[outcome],
      literatureRate: LITERATURE_RATE[outcome],
    };
  });
}

/** The last moment a complaint may have been received for its N-day window to have ended by now. */
export function matureBefore(now: number, days: number): number {
  return now - days * DAY;
}
