// A report declared once: the rows (one per period or category, computed on the server), the category column
// and a list of series `{ key, label, format, color }`. The chart's legend, the table view and the CSV file are
// all drawn from this one declaration, so the three can no longer disagree.
import type { CsvCell } from "@/lib/csv";
import { seriesColor } from "./colors";
import { CURRENCY, csvHeader, csvValue, type Format, type Formatter } from "./formatters";

export type Series = {
  /** The row field holding this series' value. */
  key: string;
  /** What a reader sees in the legend, the table header and the tooltip. */
  label: string;
  format: Format;
  /** Defaults to the palette colour of the series' position. */
  color?: string;
  /** The CSV column name (snake_case); `false` leaves the series out of the file. Defaults to `key`. */
  csv?: string | false;
  /** How the chart draws it: the chart's default mark, or not at all (`false`: table and CSV only). */
  chart?: "bar" | "line" | "area" | false;
  /** Which value axis: left (default) or right (a share over counts). */
  axis?: "left" | "right";
  /** `false` leaves the series out of the table view (it still reaches the CSV). */
  table?: boolean;
};

/** The column the rows are keyed by: a period, a rung, a reason. */
export type Category<R extends Row = Row> = {
  key: string;
  label: string;
  /** The CSV column name; defaults to `key`. */
  csv?: string;
  /** The value written in the CSV when it differs from the row's `key` field. */
  csvValue?(row: R): CsvCell;
  /** How the category is shown (the label of a stored key); defaults to the value itself. */
  display?(row: R): string;
};

export type Row = Record<string, unknown>;

export type Report<R extends Row = Row> = {
  rows: readonly R[];
  category: Category<R>;
  series: readonly Series[];
  /** A row over all of them ("All months"): last in the table and the CSV, never charted. */
  total?: R;
};

/** The series with their colours filled in from the palette by position. */
export function withColors(series: readonly Series[]): (Series & { color: string })[] {
  return series.map((s, i) => ({ ...s, color: s.color ?? seriesColor(i) }));
}

/** A row's category as shown. */
export function categoryText(category: Category, row: Row): string {
  return category.display ? category.display(row) : String(row[category.key] ?? "");
}

/**
 * The CSV records of a report: a header of column names, then one record per row. Money is written in currency
 * units (the header names the currency), durations in hours or days, shares as ratios; text cells are
 * neutralised by `lib/csv.ts` when the file is written.
 */
export function reportCsv(report: Report, currency: string = CURRENCY): CsvCell[][] {
  const columns = report.series.filter((s) => s.csv !== false);
  const header = [
    report.category.csv ?? report.category.key,
    ...columns.map((s) => csvHeader((s.csv as string | undefined) ?? s.key, s.format, currency)),
  ];
  const all = report.total ? [...report.rows, report.total] : report.rows;
  const records = all.map((row) => [
    report.category.csvValue ? report.category.csvValue(row) : csvValue("text", row[report.category.key]),
    ...columns.map((s) => csvValue(s.format, row[s.key])),
  ]);
  return [header, ...records];
}

/** The table view's cells: the category as shown and each series formatted, for the series the table shows. */
export function reportCells(report: Report, f: Formatter): { header: string[]; rows: string[][] } {
  const columns = report.series.filter((s) => s.table !== false);
  const all = report.total ? [...report.rows, report.total] : report.rows;
  return {
    header: [report.category.label, ...columns.map((s) => s.label)],
    rows: all.map((row) => [
      categoryText(report.category, row),
      ...columns.map((s) => f.value(s.format, row[s.key])),
    ]),
  };
}

/** Numeric values of one series, missing ones skipped. */
export function values(rows: readonly Row[], key: string): number[] {
  return rows.map((r) => r[key]).filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
}

/** Whether any series has a non-zero value (an all-zero chart shows its empty state instead). */
export function hasData(report: Pick<Report, "rows" | "series">): boolean {
  return report.series.some((s) => s.chart !== false && values(report.rows, s.key).some((v) => v !== 0));
}
