// The complaints dashboard's arithmetic (issue #5 §3). Pure: the queries count in SQL, these turn counts and
// ranked rows into periods, quantiles, shares and repurchase rates.
import { LITERATURE_REPURCHASE, OUTCOMES, type Outcome, repurchaseRate } from "./sla.rules";

const DAY = 86_400_000;

// Median and p90 by rank: one definition in lib/quantiles.ts, shared with the feedback dashboard.
export { quantileRanks, quantilesFromRanks } from "@/lib/quantiles";

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
