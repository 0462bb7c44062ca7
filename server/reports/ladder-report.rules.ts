// Pure helpers for the ladder report: rates, month ranges, totals. No db, no React.
import type { FlowKind, Rung } from "@/db/schema";

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

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** "YYYY-MM" of a UTC instant. */
export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Months since year 0 of a "YYYY-MM"; NaN when it is not one. */
export function monthIndex(month: string): number {
  const m = MONTH.exec(month);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : Number.NaN;
}

export function addMonths(month: string, n: number): string {
  const index = monthIndex(month) + n;
  if (Number.isNaN(index)) throw new Error(`Not a month: ${month}`);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Months from `from` (inclusive) to `to` (exclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m < to; m = addMonths(m, 1)) months.push(m);
  return months;
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
