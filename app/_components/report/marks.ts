// How each series of a chart is drawn: its mark (bar, line, area), colour, fill pattern and line dash. The chart,
// its legend and its table view's swatches all read this one answer, so a hatched bar is hatched in the legend
// and beside its column too. Pure: no React.
import { COLORS, DASHES, type Pattern, seriesPattern } from "./colors";
import type { Series } from "./series";

export type SeriesMark = {
  kind: "bar" | "line" | "area";
  /** The mark's colour (a line on the right axis beside bars is drawn in ink). */
  color: string;
  /** Bars only: "solid" unless several bars share the chart. */
  pattern: Pattern;
  /** Lines only: the dash, none for a solid line. */
  dash?: string;
};

/** The marks of a chart's series (those drawn: `chart !== false`), keyed by series key, in drawing order. */
export function seriesMarks(
  series: readonly (Series & { color: string })[],
  mark: "bar" | "line" | "area",
): Map<string, SeriesMark> {
  const drawn = series.filter((s) => s.chart !== false);
  const bars = drawn.filter((s) => (s.chart ?? mark) === "bar");
  const patterned = bars.length > 1;
  return new Map(
    drawn.map((s, i): [string, SeriesMark] => {
      const kind = s.chart || mark;
      if (kind === "bar") {
        return [
          s.key,
          { kind, color: s.color, pattern: patterned ? seriesPattern(bars.indexOf(s)) : "solid" },
        ];
      }
      if (kind === "line") {
        const color = s.axis === "right" && bars.length > 0 ? COLORS.line : s.color;
        return [s.key, { kind, color, pattern: "solid", dash: DASHES[i % DASHES.length] }];
      }
      return [s.key, { kind, color: s.color, pattern: "solid" }];
    }),
  );
}
