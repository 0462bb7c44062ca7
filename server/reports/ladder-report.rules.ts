// Pure helpers for the ladder report: rates, month ranges, totals. No db, no React.
import type { FlowKind, Rung } from "@/db/schema";
import { addMonths, monthOf } from "@/lib/periods";

export type Climb = {
  from: Rung;
  to: Rung;
  /** Accounts that ever reached `from`. */
  reached: number;
  /** Of those, accounts that later reached `to` directly from `from`. */
  climbed: number;
  /** climbed / reached, 0..1; null when nobody reached `from`. */
  rate: number | null;
  /** Median time from first reaching `from` to first reaching `to`, in ms; null when nobody climbed. */
  medianMs: number | null;
};

export type MonthFlows = { month: string } & Record<FlowKind, number>;

export function conversionRate(climbed: number, reached: number): number | null {
  return reached > 0 ? climbed / reached : null;
}

/** The default period: the twelve months up to and including the current one. */
export function defaultPeriod(now: number): { from: string; to: string } {
  const to = addMonths(monthOf(now), 1);
  return { from: addMonths(to, -12), to };
}

/** Totals of each kind of move over a period. */
export function sumFlows(months: readonly MonthFlows[]): Record<FlowKind, number> {
  const sum = { entered: 0, up: 0, down: 0, lapsed: 0, lost: 0, won_back: 0 };
  for (const m of months) for (const k of Object.keys(sum) as FlowKind[]) sum[k] += m[k];
  return sum;
}
