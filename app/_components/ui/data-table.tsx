// biome-ignore-all lint/a11y/noRedundantRoles: the narrow layout changes the table's CSS display, which drops its implicit roles in some browsers; the explicit ones keep it a table
"use client";

// The one table of the product: lists (accounts, deals, complaints, follow-ups…) and report tables alike.
// Columns are declared once; the table gives them headers, sorting where the server can sort, an empty state,
// loading and error states, "Load more" for keyset pages, and at phone width stacks each row into a card whose
// cells carry their column's name. Explicit table roles keep the table a table for screen readers when the
// narrow layout changes its CSS display.
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { Button } from "./button";
import { Alert, Spinner } from "./card";
import { cn } from "./cn";

export type SortDir = "asc" | "desc";
export type SortState = { key: string; dir: SortDir };

export type Column<Row> = {
  key: string;
  /** The column's name: the header, and the label beside each value in the narrow layout. */
  header: string;
  cell: (row: Row, index: number) => ReactNode;
  align?: "left" | "right" | "center";
  /** The cell that names the row (scope="row"); in the narrow layout it heads the card. */
  rowHeader?: boolean;
  /** The server's sort key: the header becomes a sort button. */
  sort?: string;
  /** Classes for the body cells (truncate, widths, colours). */
  className?: string;
  /** A `<col>` width class, for fixed layouts. */
  width?: string;
  /** A picture before the header (a chart series' swatch); decorative. */
  marker?: ReactNode;
  /** Header read by screen readers only (a checkbox column). */
  hideHeader?: boolean;
  /** Left out of the stacked rows at phone width, which keep what a reader needs there. */
  narrowHidden?: boolean;
};

export type LoadMore = {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
};

type Props<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Names the table for screen readers (and on screen with `captionVisible`). */
  caption: string;
  captionVisible?: boolean;
  /** Shown instead of the table when there are no rows (and nothing is loading). */
  empty?: ReactNode;
  /** The first page is loading, or failed (with a retry). */
  pending?: boolean;
  error?: ReactNode | boolean;
  onRetry?: () => void;
  sort?: SortState;
  onSort?: (key: string) => void;
  loadMore?: LoadMore;
  /** A line under the table (e.g. "50 shown"), announced politely when it changes. */
  status?: ReactNode;
  /** A refetch is under way: the rows stay, dimmed. */
  busy?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  /** A full-width row under a row (a confirmation, an error about it), or nothing. */
  rowDetail?: (row: Row) => ReactNode;
  /** "list" (a bordered box, roomy rows) or "report" (plain, compact, inside a card). */
  variant?: "list" | "report";
  /** Phone width: rows as stacked cards (default) or the table scrolled sideways (wide matrices). */
  narrow?: "stack" | "scroll";
  /** Fixed layout with the columns' `width`s. */
  fixed?: boolean;
  className?: string;
};

const ALIGN = { left: "text-left", right: "text-right", center: "text-center" } as const;

/** What a keyset-paged query (react-query's `useInfiniteQuery`) tells a table: first page, failure, more pages. */
export type PagedQuery = {
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** A paged query's loading, error (with retry) and "Load more" as DataTable props: `<DataTable {...paged(q)} …/>`. */
export function paged(query: PagedQuery, loadMoreLabel?: string) {
  return {
    pending: query.isPending,
    error: query.isError,
    onRetry: () => void query.refetch(),
    loadMore: {
      hasMore: query.hasNextPage,
      loading: query.isFetchingNextPage,
      onLoadMore: () => void query.fetchNextPage(),
      label: loadMoreLabel,
    },
  } satisfies Partial<Props<unknown>>;
}

/** The next sort state when a header is pressed: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortState | undefined, key: string): SortState {
  return current?.key === key ? { key, dir: current.dir === "asc" ? "desc" : "asc" } : { key, dir: "asc" };
}

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionVisible = false,
  empty,
  pending = false,
  error,
  onRetry,
  sort,
  onSort,
  loadMore,
  status,
  busy = false,
  rowClassName,
  rowDetail,
  variant = "list",
  narrow = "stack",
  fixed = false,
  className,
}: Props<Row>) {
  const t = useTranslations("report.table");
  if (pending) return <Spinner label={t("loading")} />;
  if (error && rows.length === 0) {
    return (
      <Alert>
        {error === true ? t("error") : error}{" "}
        {onRetry ? (
          <button type="button" className="underline" onClick={onRetry}>
            {t("retry")}
          </button>
        ) : null}
      </Alert>
    );
  }
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;

  const stack = narrow === "stack";
  const list = variant === "list";
  const pad = list ? "px-3 py-2" : "px-2 py-1.5";
  // Phone width, stacked: the table's `data-table-stack` class (app/globals.css) makes every element a block,
  // hides the header row (each cell names its column instead) and lays each value out beside its name. One class
  // on the table rather than a dozen responsive utilities on every cell: those were most of a list page's HTML.
  // The column's name beside each value in the stacked layout: generated content, so it is not in the cell's
  // text (copying a value, or a test reading it, gets the value alone).
  const labelled = (c: Column<Row>) => stack && !c.rowHeader && !c.hideHeader;

  return (
    <div className={cn("space-y-3", className)}>
      <div
        className={cn(
          // relative: screen-reader-only text in cells stays inside the scrolling box
          "relative",
          list && "rounded-lg border border-slate-200 bg-white",
          stack ? "sm:overflow-x-auto" : "overflow-x-auto",
        )}
      >
        <table
          role="table"
          aria-busy={busy || undefined}
          className={cn(
            "w-full text-sm",
            fixed ? "table-fixed" : "min-w-full",
            stack && "data-table-stack",
            list ? "text-slate-700" : "",
          )}
        >
          <caption
            className={captionVisible ? "mb-1 text-left text-xs font-medium text-slate-600" : "sr-only"}
          >
            {caption}
          </caption>
          {fixed ? (
            <colgroup>
              {columns.map((c) => (
                <col key={c.key} className={c.width} />
              ))}
            </colgroup>
          ) : null}
          <thead
            role="rowgroup"
            className={cn(
              list
                ? "border-b border-slate-200 bg-slate-50 text-xs font-medium uppercase tracking-wide text-slate-600"
                : "border-b border-slate-200 text-xs text-slate-600",
            )}
          >
            <tr role="row">
              {columns.map((c) => {
                const sorted = sort?.key === c.sort && c.sort !== undefined;
                return (
                  <th
                    key={c.key}
                    role="columnheader"
                    scope="col"
                    aria-sort={
                      c.sort && onSort
                        ? sorted
                          ? sort?.dir === "asc"
                            ? "ascending"
                            : "descending"
                          : "none"
                        : undefined
                    }
                    className={cn(pad, "font-medium", ALIGN[c.align ?? "left"])}
                  >
                    {c.sort && onSort ? (
                      <button
                        type="button"
                        className={cn(
                          "inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900",
                          c.align === "right" && "flex-row-reverse",
                        )}
                        onClick={() => onSort(c.sort as string)}
                      >
                        {c.header}
                        <span aria-hidden="true" className={sorted ? "text-slate-900" : "text-slate-400"}>
                          {sorted ? (sort?.dir === "asc" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : c.hideHeader ? (
                      <span className="sr-only">{c.header}</span>
                    ) : c.marker ? (
                      <span
                        className={cn(
                          "inline-flex items-center gap-1.5",
                          c.align === "right" && "flex-row-reverse",
                        )}
                      >
                        {c.header}
                        {c.marker}
                      </span>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody role="rowgroup" className={cn("divide-y divide-slate-100", busy && "opacity-60")}>
            {rows.map((row, i) => {
              const detail = rowDetail?.(row);
              return (
                <Fragment key={rowKey(row, i)}>
                  <tr role="row" className={cn(list && "hover:bg-slate-50", rowClassName?.(row))}>
                    {columns.map((c) => {
                      const Cell = c.rowHeader ? "th" : "td";
                      return (
                        <Cell
                          key={c.key}
                          role={c.rowHeader ? "rowheader" : "cell"}
                          scope={c.rowHeader ? "row" : undefined}
                          data-label={labelled(c) ? c.header : undefined}
                          className={cn(
                            pad,
                            "align-top",
                            c.rowHeader ? "text-left font-normal" : ALIGN[c.align ?? "left"],
                            c.align === "right" && "tabular-nums",
                            c.className,
                            // Stacked: the row's name on its own line; a column left out at phone width hidden.
                            c.rowHeader ? "dt-rh" : c.narrowHidden && "dt-nh",
                          )}
                        >
                          {c.cell(row, i)}
                        </Cell>
                      );
                    })}
                  </tr>
                  {detail ? (
                    <tr role="row" className="dt-detail bg-amber-50/60">
                      <td role="cell" colSpan={columns.length} className={pad}>
                        {detail}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {status !== undefined || loadMore ? (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
          <span aria-live="polite">{status}</span>
          {loadMore?.hasMore ? (
            <Button variant="secondary" onClick={loadMore.onLoadMore} disabled={loadMore.loading}>
              {loadMore.loading ? t("loading") : (loadMore.label ?? t("loadMore"))}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
