// Calendar periods shared by every report, dashboard, the seed and the pages: a period is a month or a quarter,
// numbered as an integer index (months or quarters since year 0, UTC) so SQL and JavaScript agree and ranges
// are plain integer arithmetic. One parser (parsePeriod) and one formatter (periodLabel) for the labels
// "2026-11" and "2026-Q4". Pure: no db, no React.

export const GRAINS = ["month", "quarter"] as const;
export type Grain = (typeof GRAINS)[number];
export const MONTHS_PER_PERIOD: Record<Grain, number> = { month: 1, quarter: 3 };
export const PERIODS_PER_YEAR: Record<Grain, number> = { month: 12, quarter: 4 };

/** "YYYY-MM", the pattern of a month label (also what zod inputs check). */
export const MONTH_LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

/** Index of the period containing a UTC instant. */
export function periodIndex(ms: number, grain: Grain): number {
  const d = new Date(ms);
  return periodOfMonth(d.getUTCFullYear() * 12 + d.getUTCMonth(), grain);
}

/** The period at `grain` that contains a month index. */
export function periodOfMonth(month: number, grain: Grain): number {
  return Math.floor(month / MONTHS_PER_PERIOD[grain]);
}

/** "2026-11" for a month, "2026-Q4" for a quarter. */
export function periodLabel(index: number, grain: Grain): string {
  const perYear = PERIODS_PER_YEAR[grain];
  const year = Math.floor(index / perYear);
  const n = index - year * perYear + 1;
  return grain === "month" ? `${year}-${String(n).padStart(2, "0")}` : `${year}-Q${n}`;
}

/** The period index of a label ("2026-11" or "2026-Q4") at a grain; NaN when the label is not of that grain. */
export function parsePeriod(label: string, grain: Grain): number {
  const m = (grain === "month" ? MONTH_LABEL : QUARTER_LABEL).exec(label);
  if (!m) return Number.NaN;
  return Number(m[1]) * PERIODS_PER_YEAR[grain] + Number(m[2]) - 1;
}

/** "YYYY-MM" of a UTC instant. */
export function monthOf(ms: number): string {
  return periodLabel(periodIndex(ms, "month"), "month");
}

/** The month label `n` months after (or before, when negative) a month label. */
export function addMonths(month: string, n: number): string {
  const index = parsePeriod(month, "month");
  if (Number.isNaN(index)) throw new Error(`Not a month: ${month}`);
  return periodLabel(index + n, "month");
}

/** Month labels from `from` (inclusive) to `to` (exclusive). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m < to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** A range of whole periods, both ends inclusive, as period indexes. */
export type PeriodRange = { grain: Grain; from: number; to: number };

/** The last `count` periods up to and including the current one. */
export function lastPeriods(now: number, grain: Grain, count: number): PeriodRange {
  const to = periodIndex(now, grain);
  return { grain, from: to - count + 1, to };
}

/** The same number of periods just before a range: what its figures are compared with. */
export function previousRange(r: PeriodRange): PeriodRange {
  const n = r.to - r.from + 1;
  return { grain: r.grain, from: r.from - n, to: r.from - 1 };
}

/** The range covering the same months at another grain (month ↔ quarter), for the grain switch. */
export function convertRange(r: PeriodRange, grain: Grain): PeriodRange {
  if (grain === r.grain) return r;
  const from = monthsOfPeriod(r.from, r.grain).first;
  const to = monthsOfPeriod(r.to, r.grain).last;
  return { grain, from: periodOfMonth(from, grain), to: periodOfMonth(to, grain) };
}

export function rangeLabels(r: PeriodRange): { grain: Grain; from: string; to: string } {
  return { grain: r.grain, from: periodLabel(r.from, r.grain), to: periodLabel(r.to, r.grain) };
}

/** Every period index of a range, in order. */
export function periodsOf(r: PeriodRange): number[] {
  const out: number[] = [];
  for (let p = r.from; p <= r.to; p += 1) out.push(p);
  return out;
}

/** The month indexes a period spans. */
export function monthsOfPeriod(period: number, grain: Grain): { first: number; last: number } {
  const k = MONTHS_PER_PERIOD[grain];
  return { first: period * k, last: period * k + k - 1 };
}

/** [from, to) in ms: from the first day (UTC) of the month `months - 1` before now's month, up to now. */
export function lastMonthsWindow(now: number, months: number): { from: number; to: number } {
  const first = monthsOfPeriod(periodIndex(now, "month") - (months - 1), "month").first;
  return { from: Date.UTC(Math.floor(first / 12), first % 12, 1), to: now };
}

/** Every month index of a [from, to) window in ms, empty months included. */
export function monthIndexesOf(window: { from: number; to: number }): number[] {
  return periodsOf({
    grain: "month",
    from: periodIndex(window.from, "month"),
    to: periodIndex(window.to - 1, "month"),
  });
}
