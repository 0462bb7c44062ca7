"use client";

// The one Recharts layer of the product: bars, lines and areas of a series declaration, with axes and tooltips
// formatted by each series' format (money axes carry their currency), the kit's colours, patterns that tell bars
// apart without colour, and bars that are buttons when pressing one lists what is behind it.
import { useTranslations } from "next-intl";
import { type KeyboardEvent, type ReactNode, useId } from "react";
import {
  Area,
  Bar,
  type BarShapeProps,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { EmptyState } from "@/app/_components/ui/card";
import { ChartFigure, useShowMarks } from "./chart-card";
import { patternPath } from "./colors";
import { useFormat } from "./format";
import type { Format } from "./formatters";
import { type SeriesMark, seriesMarks } from "./marks";
import { categoryText, hasData, type Report, type Row, type Series, withColors } from "./series";
import { categorySummary, periodSummary, type Say } from "./summary";
import { SeriesSwatch } from "./swatch";

export type SeriesChartProps<R extends Row> = {
  report: Report<R>;
  /** The figure's name (usually the card's title). */
  label: string;
  /** The text alternative; by default a sentence built from the data. */
  summary?: string;
  /** Over periods (start, end, peak) or across categories (highest, lowest). */
  summaryKind?: "period" | "category";
  /** The mark of series that do not name one. */
  mark?: "bar" | "line" | "area";
  stacked?: boolean;
  /** "vertical" draws horizontal bars with the categories down the side. */
  layout?: "horizontal" | "vertical";
  xLabel?: string;
  yLabel?: string;
  yRightLabel?: string;
  height?: number;
  /** Slant the category labels (long names). */
  tilt?: boolean;
  /** Pressing a bar (or Enter/Space on it) does this; the bars become buttons. */
  onSelect?: (row: R, series: Series) => void;
  /** The bar button's name, e.g. "Price: 12 deals. List them". */
  selectLabel?: (row: R, series: Series) => string;
  /** Shown instead of an all-zero chart. */
  empty?: ReactNode;
  /** Tooltip and legend render; false for tiny charts. */
  legend?: boolean;
};

const LABEL_KEY = "__label";

/** An axis title centred along its axis (Recharts' inside positions anchor rotated text at one end). */
function axisTitle(value: string | undefined, side: "left" | "right" | "bottom") {
  if (!value) return undefined;
  if (side === "bottom") return { value, position: "insideBottom" as const, offset: -14, fontSize: 12 };
  return {
    value,
    angle: side === "left" ? -90 : 90,
    position: side === "left" ? ("insideLeft" as const) : ("insideRight" as const),
    fontSize: 12,
    style: { textAnchor: "middle" as const },
  };
}

function percentTop(max: number) {
  return Math.min(1, Math.max(0.1, Math.ceil(max * 10) / 10));
}

/** The chart's key: one swatch per drawn series, like its mark, and the series' name. */
function ChartLegend({
  series,
  marks,
}: {
  series: readonly Series[];
  marks: ReadonlyMap<string, SeriesMark>;
}) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 pb-1 text-xs text-slate-700">
      {series.map((s) => {
        const m = marks.get(s.key);
        return m ? (
          <li key={s.key} className="flex items-center gap-1.5">
            <SeriesSwatch mark={m} />
            {s.label}
          </li>
        ) : null;
      })}
    </ul>
  );
}

/**
 * The tooltip: the category, then each series' key drawn like its mark (a hatched bar hatched) beside its name in
 * ink, as in the legend. Recharts' own tooltip writes a name in its series' fill, which for a patterned bar is a
 * url(#…) no browser takes for a colour (the name came out black), and a series colour is 3:1, not 4.5:1, for text.
 */
function ChartTooltip({
  active,
  category,
  items,
  marks,
  value,
}: {
  active?: boolean;
  category?: ReactNode;
  items: ReadonlyArray<{ dataKey?: unknown; name?: unknown; value?: unknown }>;
  marks: ReadonlyMap<string, SeriesMark>;
  value: (key: string, value: unknown) => string;
}) {
  if (!active || items.length === 0) return null;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-700 shadow-sm">
      {category !== undefined && category !== "" ? (
        <p className="mb-1 font-medium text-slate-900">{category}</p>
      ) : null}
      <ul className="space-y-0.5">
        {items.map((item) => {
          const key = String(item.dataKey);
          const m = marks.get(key);
          return (
            <li key={key} className="flex items-center gap-1.5" data-series={key}>
              {m ? <SeriesSwatch mark={m} /> : null}
              <span>{String(item.name ?? key)}:</span>
              <span className="font-medium tabular-nums text-slate-900">{value(key, item.value)}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function SeriesChart<R extends Row>({
  report,
  label,
  summary,
  summaryKind = "period",
  mark = "bar",
  stacked = false,
  layout = "horizontal",
  xLabel,
  yLabel,
  yRightLabel,
  height = 288,
  tilt = false,
  onSelect,
  selectLabel,
  empty,
  legend = true,
}: SeriesChartProps<R>) {
  const t = useTranslations("report");
  const f = useFormat();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const series = withColors(report.series).filter((s) => s.chart !== false);
  const marks = seriesMarks(series, mark);
  useShowMarks(marks);
  if (!hasData(report)) return <>{empty ?? <EmptyState title={t("empty")} />}</>;

  const say: Say = (key, values) => t(`summary.${key}` as never, values as never);
  const text =
    summary ?? (summaryKind === "period" ? periodSummary(report, f, say) : categorySummary(report, f, say));
  const data = report.rows.map((r) => ({ ...r, [LABEL_KEY]: categoryText(report.category, r) }));
  const bars = series.filter((s) => marks.get(s.key)?.kind === "bar");
  const patterned = bars.length > 1;
  const formatOf = new Map(series.map((s) => [s.key, s.format]));
  const leftFormat: Format = series.find((s) => s.axis !== "right")?.format ?? "count";
  const right = series.filter((s) => s.axis === "right");
  const rightFormat: Format | undefined = right[0]?.format;
  const vertical = layout === "vertical";
  // Slanted labels need room below the axis in proportion to the longest one (30°: about half its length).
  const tiltHeight = Math.min(120, 24 + Math.max(0, ...data.map((r) => String(r[LABEL_KEY]).length)) * 3);
  const valueDomain = (format: Format) =>
    format === "percent" ? ([0, (max: number) => percentTop(max)] as const) : undefined;
  const fill = (s: Series & { color: string }) => {
    const i = bars.indexOf(s);
    return marks.get(s.key)?.pattern !== "solid" ? `url(#${id}-p${i})` : s.color;
  };

  const shape = (s: Series) => (props: BarShapeProps) => {
    const { x, y, width, height: h, fill: barFill, payload } = props;
    const row = payload as R;
    const value = row[s.key];
    const rect = <rect x={x} y={y} width={Math.max(0, width)} height={Math.max(0, h)} fill={barFill} />;
    if (!onSelect || typeof value !== "number" || value === 0) return rect;
    const act = () => onSelect(row, s);
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG bar cannot be a <button>; it takes the button role
      <g
        role="button"
        tabIndex={0}
        className="chart-bar cursor-pointer"
        aria-label={
          selectLabel?.(row, s) ?? `${categoryText(report.category, row)}: ${f.value(s.format, value)}`
        }
        onClick={act}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            act();
          }
        }}
      >
        {rect}
      </g>
    );
  };

  return (
    <ChartFigure label={label} summary={text}>
      <div style={{ height }} aria-hidden={onSelect ? undefined : true}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart
            data={data}
            layout={layout}
            accessibilityLayer={false}
            role={onSelect ? "group" : undefined}
            aria-label={onSelect ? label : undefined}
            margin={{ top: 8, right: rightFormat ? 8 : 16, bottom: xLabel ? 20 : 4, left: tilt ? 24 : 8 }}
          >
            {patterned ? (
              <defs>
                {bars.map((s, i) => {
                  const d = patternPath(marks.get(s.key)?.pattern ?? "solid");
                  return d ? (
                    <pattern
                      key={s.key}
                      id={`${id}-p${i}`}
                      width={6}
                      height={6}
                      patternUnits="userSpaceOnUse"
                    >
                      <rect width={6} height={6} fill={s.color} />
                      <path d={d} stroke="#FFFFFF" strokeWidth={1.4} strokeOpacity={0.85} fill="#FFFFFF" />
                    </pattern>
                  ) : null;
                })}
              </defs>
            ) : null}
            <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} />
            {vertical ? (
              <>
                <XAxis
                  type="number"
                  tickFormatter={f.axis(leftFormat)}
                  domain={valueDomain(leftFormat) as never}
                  tick={{ fontSize: 11 }}
                  label={axisTitle(yLabel, "bottom")}
                />
                <YAxis type="category" dataKey={LABEL_KEY} width={130} tick={{ fontSize: 11 }} interval={0} />
              </>
            ) : (
              <>
                <XAxis
                  dataKey={LABEL_KEY}
                  tick={{ fontSize: tilt ? 10 : 11 }}
                  interval={tilt ? 0 : "preserveStartEnd"}
                  angle={tilt ? -30 : 0}
                  textAnchor={tilt ? "end" : "middle"}
                  height={tilt ? tiltHeight : xLabel ? 36 : 24}
                  label={tilt ? undefined : axisTitle(xLabel, "bottom")}
                />
                <YAxis
                  yAxisId="left"
                  width="auto"
                  tickFormatter={f.axis(leftFormat)}
                  domain={valueDomain(leftFormat) as never}
                  allowDecimals={leftFormat !== "count"}
                  tick={{ fontSize: 11 }}
                  label={axisTitle(yLabel, "left")}
                />
                {rightFormat ? (
                  <YAxis
                    yAxisId="right"
                    orientation="right"
                    width="auto"
                    tickFormatter={f.axis(rightFormat)}
                    domain={valueDomain(rightFormat) as never}
                    tick={{ fontSize: 11 }}
                    label={axisTitle(yRightLabel, "right")}
                  />
                ) : null}
              </>
            )}
            {legend ? (
              <Tooltip
                content={({ active, payload, label: category }) => (
                  <ChartTooltip
                    active={active}
                    category={category}
                    items={payload ?? []}
                    marks={marks}
                    value={(key, value) => f.value(formatOf.get(key) ?? "count", value)}
                  />
                )}
              />
            ) : null}
            {legend ? (
              <Legend
                verticalAlign="top"
                // The kit's own keys: each series' swatch drawn like its mark (hatched bars hatched), in ink text
                // (series colours are 3:1, not 4.5:1 for text).
                content={() => <ChartLegend series={series} marks={marks} />}
              />
            ) : null}
            {series.map((s) => {
              const kind = marks.get(s.key)?.kind ?? mark;
              const axis = vertical ? {} : { yAxisId: s.axis === "right" ? "right" : "left" };
              if (kind === "line") {
                return (
                  <Line
                    key={s.key}
                    {...axis}
                    dataKey={s.key}
                    name={s.label}
                    stroke={marks.get(s.key)?.color ?? s.color}
                    strokeWidth={2}
                    strokeDasharray={marks.get(s.key)?.dash}
                    dot={data.length <= 24 ? { r: 2.5 } : false}
                    connectNulls
                    isAnimationActive={false}
                  />
                );
              }
              if (kind === "area") {
                return (
                  <Area
                    key={s.key}
                    {...axis}
                    type="monotone"
                    dataKey={s.key}
                    name={s.label}
                    stackId={stacked ? "stack" : undefined}
                    stroke={s.color}
                    fill={s.color}
                    fillOpacity={0.85}
                    isAnimationActive={false}
                  />
                );
              }
              return (
                <Bar
                  key={s.key}
                  {...axis}
                  dataKey={s.key}
                  name={s.label}
                  stackId={stacked ? "stack" : undefined}
                  fill={fill(s)}
                  stroke={patterned ? s.color : undefined}
                  shape={shape(s)}
                  isAnimationActive={false}
                />
              );
            })}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
