"use client";

import { type Column, DataTable } from "@/app/_components/ui/data-table";
import { useFormat } from "./format";
import type { SeriesMark } from "./marks";
import { categoryText, type Report, type Row } from "./series";
import { SeriesSwatch } from "./swatch";

/**
 * A report's table view: the category as row headers, one right-aligned column per series, formatted as the
 * series says. With `onSelect`, each row header is a button doing what pressing the chart's bar does (the
 * keyboard path to the records behind a figure).
 */
export function ReportTable<R extends Row>({
  report,
  caption,
  captionVisible,
  onSelect,
  narrow,
  marks,
}: {
  report: Report<R>;
  caption: string;
  captionVisible?: boolean;
  onSelect?: (row: R) => void;
  narrow?: "stack" | "scroll";
  /** How the chart draws each series: a swatch like it beside the column's header. */
  marks?: Readonly<Record<string, SeriesMark>>;
}) {
  const f = useFormat();
  const columns: Column<R>[] = [
    {
      key: report.category.key,
      header: report.category.label,
      rowHeader: true,
      className: "whitespace-nowrap",
      cell: (row) => {
        const text = categoryText(report.category, row);
        return onSelect && row !== report.total ? (
          <button
            type="button"
            className="text-left text-brand-700 underline-offset-2 hover:underline"
            onClick={() => onSelect(row)}
          >
            {text}
          </button>
        ) : (
          text
        );
      },
    },
    ...report.series
      .filter((s) => s.table !== false)
      .map(
        (s): Column<R> => ({
          key: s.key,
          header: s.label,
          marker: marks?.[s.key] ? <SeriesSwatch mark={marks[s.key] as SeriesMark} /> : undefined,
          align: "right",
          cell: (row) => f.value(s.format, row[s.key]),
        }),
      ),
  ];
  return (
    <DataTable
      variant="report"
      narrow={narrow}
      caption={caption}
      captionVisible={captionVisible}
      columns={columns}
      rows={report.total ? [...report.rows, report.total] : report.rows}
      rowKey={(row, i) => `${String(row[report.category.key])}-${i}`}
      rowClassName={(row) => (row === report.total ? "font-medium" : undefined)}
    />
  );
}
