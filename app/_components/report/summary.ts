// The sentence that says what a chart shows, for readers who cannot see it (and anyone in a hurry). Built from
// the same declaration as the chart; the words come from the `report.summary` messages.
import type { ParetoBar } from "@/lib/pareto";
import type { Formatter } from "./formatters";
import { categoryText, type Report, type Row, type Series } from "./series";

/** A message lookup: `report.summary.<key>` with ICU values. */
export type Say = (key: string, values: Record<string, string | number>) => string;

function numeric(row: Row, key: string): number | null {
  const v = row[key];
  return typeof v === "number" && !Number.isNaN(v) ? v : null;
}

function extremes(report: Report, s: Series) {
  let max: { row: Row; v: number } | null = null;
  let min: { row: Row; v: number } | null = null;
  for (const row of report.rows) {
    const v = numeric(row, s.key);
    if (v === null) continue;
    if (!max || v > max.v) max = { row, v };
    if (!min || v < min.v) min = { row, v };
  }
  return { max, min };
}

const charted = (report: Report) => report.series.filter((s) => s.chart !== false).slice(0, 4);

/** Over periods: how many, from when to when, then per series where it started, ended and peaked. */
export function periodSummary(report: Report, f: Formatter, say: Say): string {
  const rows = report.rows;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return say("empty", {});
  const parts = [
    say("periods", {
      count: rows.length,
      first: categoryText(report.category, first),
      last: categoryText(report.category, last),
    }),
  ];
  for (const s of charted(report)) {
    const { max } = extremes(report, s);
    if (!max) continue;
    parts.push(
      say("trend", {
        series: s.label,
        start: f.value(s.format, numeric(first, s.key)),
        end: f.value(s.format, numeric(last, s.key)),
        max: f.value(s.format, max.v),
        maxAt: categoryText(report.category, max.row),
      }),
    );
  }
  return parts.join(" ");
}

/** Across categories: per series the highest and the lowest. */
export function categorySummary(report: Report, f: Formatter, say: Say): string {
  if (report.rows.length === 0) return say("empty", {});
  const parts = [say("categories", { count: report.rows.length })];
  for (const s of charted(report)) {
    const { max, min } = extremes(report, s);
    if (!max || !min) continue;
    parts.push(
      say("range", {
        series: s.label,
        maxLabel: categoryText(report.category, max.row),
        max: f.value(s.format, max.v),
        minLabel: categoryText(report.category, min.row),
        min: f.value(s.format, min.v),
      }),
    );
  }
  return parts.join(" ");
}

/** The Pareto reading: what comes first, and how few items make up most of the total. */
export function paretoSummary(
  bars: readonly ParetoBar[],
  label: (key: string) => string,
  f: Formatter,
  say: Say,
) {
  const first = bars[0];
  if (!first) return say("empty", {});
  const total = bars.reduce((s, b) => s + b.count, 0);
  // The vital few: the smallest number of items that reach 80% (or all of them).
  const few = bars.findIndex((b) => b.cumulative >= 0.8) + 1 || bars.length;
  return say("pareto", {
    first: label(first.key),
    count: f.count(first.count),
    total: f.count(total),
    share: f.percent(first.share),
    n: few,
    cumulative: f.percent(bars[few - 1]?.cumulative ?? 1),
  });
}
