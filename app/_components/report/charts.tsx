"use client";

// The kit's chart components. Each takes a series declaration (series.ts) and draws it with the one Recharts
// layer (series-chart.tsx); pages never import Recharts themselves.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Line, LineChart, ResponsiveContainer } from "recharts";
import type { ParetoBar } from "@/lib/pareto";
import { COLORS } from "./colors";
import { useFormat } from "./format";
import { type Category, categoryText, type Report, type Row, type Series } from "./series";
import { SeriesChart, type SeriesChartProps } from "./series-chart";
import { paretoSummary, type Say } from "./summary";

type Common<R extends Row> = Omit<SeriesChartProps<R>, "summaryKind" | "stacked" | "layout">;

/** Bars or lines over periods (months, quarters): one group of bars or one line per series. */
export function PeriodChart<R extends Row>(props: Common<R>) {
  return <SeriesChart summaryKind="period" {...props} />;
}

/** Series stacked over periods: outcomes per month, accounts per rung at each period's end (areas). */
export function StackedPeriodChart<R extends Row>({
  mark = "bar",
  ...props
}: Common<R> & { mark?: "bar" | "area" }) {
  return <SeriesChart summaryKind="period" stacked mark={mark} {...props} />;
}

/** Bars across categories (rungs, owners, competitors); `horizontal` for long names or many categories. */
export function CategoryChart<R extends Row>({
  horizontal = false,
  stacked = false,
  ...props
}: Common<R> & { horizontal?: boolean; stacked?: boolean }) {
  const rows = props.report.rows.length;
  return (
    <SeriesChart
      summaryKind="category"
      layout={horizontal ? "vertical" : "horizontal"}
      stacked={stacked}
      height={props.height ?? (horizontal ? Math.max(160, rows * 28 + 70) : undefined)}
      {...props}
    />
  );
}

/** A Pareto list as a report: the count bars, each one's share (table and CSV) and the running share (line). */
export function useParetoReport(
  bars: readonly ParetoBar[],
  o: {
    what: string;
    countLabel: string;
    labelOf: (key: string) => string;
    color?: string;
    /** CSV column names: the category (a stored key) and the count. */
    csv?: { key: string; count: string };
  },
): Report<ParetoBar & Row> {
  const t = useTranslations("report");
  return {
    rows: bars as (ParetoBar & Row)[],
    category: { key: "key", label: o.what, csv: o.csv?.key, display: (r) => o.labelOf(String(r.key)) },
    series: [
      {
        key: "count",
        label: o.countLabel,
        format: "count",
        color: o.color ?? COLORS.primary,
        chart: "bar",
        csv: o.csv?.count,
      },
      { key: "share", label: t("share"), format: "percent", chart: false },
      {
        key: "cumulative",
        label: t("cumulative"),
        format: "percent",
        chart: "line",
        axis: "right",
        csv: "cumulative_share",
      },
    ],
  };
}

/**
 * A Pareto chart: counts largest first as bars and the running share as a line on a 0–100% axis, so the few
 * items behind most of the total stand out. The bars come from the server's Pareto maths already sorted.
 */
export function ParetoChart({
  report,
  label,
  height,
  onSelect,
  selectLabel,
  empty,
}: {
  report: Report<ParetoBar & Row>;
  /** The figure's name. */
  label: string;
  height?: number;
  onSelect?: (bar: ParetoBar) => void;
  selectLabel?: (bar: ParetoBar) => string;
  empty?: ReactNode;
}) {
  const t = useTranslations("report");
  const f = useFormat();
  const say: Say = (key, values) => t(`summary.${key}` as never, values as never);
  const count = report.series[0] as Series;
  return (
    <SeriesChart
      report={report}
      label={label}
      summary={paretoSummary(
        report.rows,
        (key) => categoryText(report.category as Category, { key }),
        f,
        say,
      )}
      tilt
      height={height}
      yLabel={count.label}
      yRightLabel={t("cumulative")}
      empty={empty}
      onSelect={onSelect ? (row) => onSelect(row) : undefined}
      selectLabel={selectLabel ? (row) => selectLabel(row) : undefined}
    />
  );
}

/** A figure's trend as a tiny line without axes (decoration beside the figure itself; hidden from readers). */
export function Sparkline({
  values,
  color = COLORS.primary,
}: {
  values: readonly (number | null)[];
  color?: string;
}) {
  return (
    <div className="h-10" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={values.map((v) => ({ v }))}
          margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
          accessibilityLayer={false}
        >
          <Line
            type="monotone"
            dataKey="v"
            stroke={color}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
