"use client";

// A heatmap as a grid: each cell's colour from the kit's sequential scale, its text in black or white by the
// cell's luminance, and its details reachable by keyboard as well as by pointer. One cell is in the tab order;
// the arrow keys, Home and End move between cells, and the focused (or hovered) cell's details show below the
// grid. The box scrolls sideways only when the columns do not fit; it never scrolls both ways.
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { ChartFigure } from "./chart-card";
import { heatCell } from "./colors";

export type HeatmapCell = {
  /** Where the cell sits on the colour scale, 0..1 (more is capped); null for a cell with no value. */
  value: number | null;
  /** The cell's main figure ("42%"). */
  text: string;
  /** A small second figure ("30/71"). */
  sub?: string;
  /**
   * Everything about the cell in one sentence, read on focus and shown below the grid. A function: only the
   * shown cell's and the tab stop's sentence is written (a 36-month cohort grid has hundreds of cells, and writing
   * every sentence up front was most of the page's server render and a third of its HTML).
   */
  detail: () => string;
};

export type HeatmapRow = {
  key: string;
  label: string;
  /** A figure beside the row label (the cohort's size). */
  extra?: string;
  /** One entry per column; null where the row has no such column (a young cohort). */
  cells: (HeatmapCell | null)[];
};

export function Heatmap({
  label,
  summary,
  corner,
  extraHeader,
  columns,
  rows,
  legend,
}: {
  label: string;
  summary: string;
  /** The row headers' column name ("Cohort"). */
  corner: string;
  extraHeader?: string;
  columns: readonly string[];
  rows: readonly HeatmapRow[];
  /** Colour key: values and what they mean. */
  legend: readonly { value: number; label: string }[];
}) {
  const t = useTranslations("report.heatmap");
  const [active, setActive] = useState<[number, number] | null>(null);
  const [shown, setShown] = useState<[number, number] | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const first = rows.findIndex((r) => r.cells.some(Boolean));
  const tabStop = active ?? (first >= 0 ? [first, rows[first]?.cells.findIndex(Boolean) ?? 0] : null);
  const cellAt = (r: number, c: number) => rows[r]?.cells[c] ?? null;
  const focusCell = (r: number, c: number) => {
    // Rendered before the focus moves, so the cell already holds its sentence when it is read.
    flushSync(() => {
      setActive([r, c]);
      setShown([r, c]);
    });
    grid.current?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)?.focus();
  };

  const onKey = (e: KeyboardEvent, r: number, c: number) => {
    const row = rows[r];
    if (!row) return;
    let next: [number, number] | null = null;
    const lastIn = (i: number) =>
      (rows[i]?.cells.length ?? 0) - 1 - [...(rows[i]?.cells ?? [])].reverse().findIndex(Boolean);
    switch (e.key) {
      case "ArrowRight":
        if (cellAt(r, c + 1)) next = [r, c + 1];
        break;
      case "ArrowLeft":
        if (c > 0 && cellAt(r, c - 1)) next = [r, c - 1];
        break;
      case "ArrowDown":
        for (let i = r + 1; i < rows.length; i++) {
          if (rows[i]?.cells.some(Boolean)) {
            next = [i, Math.min(c, lastIn(i))];
            break;
          }
        }
        break;
      case "ArrowUp":
        for (let i = r - 1; i >= 0; i--) {
          if (rows[i]?.cells.some(Boolean)) {
            next = [i, Math.min(c, lastIn(i))];
            break;
          }
        }
        break;
      case "Home":
        next = [r, row.cells.findIndex(Boolean)];
        break;
      case "End":
        next = [r, lastIn(r)];
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next && cellAt(next[0], next[1])) focusCell(next[0], next[1]);
  };

  const detail = shown ? cellAt(shown[0], shown[1])?.detail() : undefined;
  return (
    <ChartFigure label={label} summary={summary}>
      {/* relative: the cells' screen-reader text is positioned inside the box, not out on the page */}
      <div className="relative overflow-x-auto print:overflow-visible">
        <table
          ref={grid}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA data grid pattern on a table (arrow keys move between cells)
          role="grid"
          aria-readonly="true"
          aria-label={label}
          className="border-separate border-spacing-0.5 text-[11px] [print-color-adjust:exact]"
        >
          <thead>
            <tr>
              <th
                scope="col"
                className="sticky left-0 z-10 bg-white px-2 py-1 text-left font-medium text-slate-600"
              >
                {corner}
              </th>
              {extraHeader ? (
                <th
                  scope="col"
                  className="whitespace-nowrap bg-white px-2 py-1 text-right font-medium text-slate-600"
                >
                  {extraHeader}
                </th>
              ) : null}
              {columns.map((c) => (
                <th
                  key={c}
                  scope="col"
                  className="min-w-14 max-w-20 bg-white px-1 py-1 text-center align-bottom text-[10px] font-medium leading-tight text-slate-600"
                >
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row.key}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 whitespace-nowrap bg-white px-2 py-1 text-left font-medium text-slate-800"
                >
                  {row.label}
                </th>
                {extraHeader ? (
                  <td className="px-2 py-1 text-right tabular-nums text-slate-700">{row.extra}</td>
                ) : null}
                {columns.map((col, c) => {
                  const cell = row.cells[c];
                  if (!cell) return <td key={col} />;
                  const focused = tabStop?.[0] === r && tabStop?.[1] === c;
                  return (
                    <td
                      key={col}
                      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a data grid's cell (see the table)
                      role="gridcell"
                      data-cell={`${r}-${c}`}
                      tabIndex={focused ? 0 : -1}
                      aria-selected={shown?.[0] === r && shown?.[1] === c}
                      className="cursor-default rounded-sm px-1 py-0.5 text-center tabular-nums outline-offset-1 focus-visible:outline-2 focus-visible:outline-slate-900"
                      style={heatCell(cell.value)}
                      onFocus={() => {
                        setActive([r, c]);
                        setShown([r, c]);
                      }}
                      onMouseEnter={() => setShown([r, c])}
                      onKeyDown={(e) => onKey(e, r, c)}
                    >
                      <span className="block font-medium">{cell.text}</span>
                      {cell.sub ? <span className="block text-[10px]">{cell.sub}</span> : null}
                      {focused ? <span className="sr-only">{cell.detail()}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p
        className="mt-2 min-h-10 rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-700"
        aria-hidden="true"
        data-testid="heatmap-detail"
      >
        {detail ?? t("hint")}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <span>{t("legend")}</span>
        {legend.map((l) => (
          <span key={l.label} className="flex items-center gap-1">
            <span
              className="inline-block h-3 w-6 rounded-sm border border-slate-300"
              style={{ backgroundColor: heatCell(l.value).backgroundColor }}
              aria-hidden="true"
            />
            {l.label}
          </span>
        ))}
      </p>
    </ChartFigure>
  );
}
