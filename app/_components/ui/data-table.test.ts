import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { catalogs } from "@/messages";
import { type Column, DataTable, nextSort, paged } from "./data-table";

type Account = { id: number; name: string; revenue: string };
const columns: Column<Account>[] = [
  { key: "name", header: "Name", rowHeader: true, sort: "name", cell: (a) => a.name },
  { key: "revenue", header: "Revenue", align: "right", sort: "revenue", cell: (a) => a.revenue },
  { key: "note", header: "Note", cell: () => "" },
];

function render(props: Partial<Parameters<typeof DataTable<Account>>[0]>, locale: "en" | "zh" = "en") {
  return renderToStaticMarkup(
    createElement(
      NextIntlClientProvider,
      // The provider's props type wants children among the props; createElement passes them after.
      { locale, messages: catalogs[locale], timeZone: "UTC" } as Parameters<typeof NextIntlClientProvider>[0],
      createElement(DataTable<Account>, {
        columns,
        rows: [],
        rowKey: (a: Account) => a.id,
        caption: "Accounts",
        ...props,
      }),
    ),
  );
}

const rows = [
  { id: 1, name: "上海明珠贸易", revenue: "$1,250.00" },
  { id: 2, name: "Acme", revenue: "$3.00" },
];

describe("DataTable", () => {
  it("names its rows by their header cell and its columns by scope, with a caption", () => {
    const html = render({ rows });
    expect(html).toContain('<caption class="sr-only">Accounts</caption>');
    expect(html).toContain('<th role="rowheader" scope="row"');
    expect(html).toMatch(/<th role="columnheader" scope="col"[^>]*>Note<\/th>/);
    expect(html).toContain("上海明珠贸易");
  });

  it("makes only the columns the server can sort into sort buttons, and marks the sorted one", () => {
    const html = render({ rows, sort: { key: "revenue", dir: "desc" }, onSort: () => {} });
    expect(html).toMatch(/aria-sort="none"[^>]*><button[^>]*>Name/);
    expect(html).toMatch(/aria-sort="descending"[^>]*><button[^>]*>Revenue/);
    expect(html.match(/<button/g)).toHaveLength(2);
    expect(render({ rows })).not.toContain("aria-sort");
  });

  it("sorts a new column ascending and flips the sorted one", () => {
    expect(nextSort(undefined, "name")).toEqual({ key: "name", dir: "asc" });
    expect(nextSort({ key: "name", dir: "asc" }, "name")).toEqual({ key: "name", dir: "desc" });
    expect(nextSort({ key: "name", dir: "desc" }, "revenue")).toEqual({ key: "revenue", dir: "asc" });
  });

  it("shows the empty state instead of an empty table, and the loading and error states", () => {
    expect(render({ empty: createElement("p", null, "No accounts yet") })).toBe("<p>No accounts yet</p>");
    expect(render({ pending: true })).toContain("Loading…");
    const failed = render({ error: true, onRetry: () => {} });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain("Try again");
    expect(render({ pending: true }, "zh")).toContain("加载中…");
  });

  it("offers Load more while the server has more pages, and announces the count politely", () => {
    const html = render({
      rows,
      status: "2 shown",
      loadMore: { hasMore: true, loading: false, onLoadMore: () => {} },
    });
    expect(html).toContain('<span aria-live="polite">2 shown</span>');
    expect(html).toContain(">Load more</button>");
    expect(
      render({ rows, loadMore: { hasMore: false, loading: false, onLoadMore: () => {} } }),
    ).not.toContain("Load more");
  });

  it("stacks rows at phone width with each value labelled by its column, or scrolls wide matrices", () => {
    const stacked = render({ rows });
    // The phone layout is the table's data-table-stack class (app/globals.css); each value carries its column's
    // name in data-label, which that class draws beside it.
    expect(stacked).toMatch(/<table role="table" class="[^"]*data-table-stack/);
    expect(stacked).toMatch(/<td role="cell" data-label="Revenue" class="/);
    expect(stacked).toContain(">$1,250.00</td>");
    const scrolled = render({ rows, narrow: "scroll" });
    expect(scrolled).not.toContain("data-table-stack");
    expect(scrolled).toContain("overflow-x-auto");
  });

  it("leaves a column out of the stacked rows at phone width when asked, keeping it on wide screens", () => {
    const html = render({
      rows,
      columns: [columns[0] as Column<Account>, { ...(columns[1] as Column<Account>), narrowHidden: true }],
    });
    const revenueCell = html.match(/<td role="cell"[^>]* class="([^"]*)">/)?.[1] ?? "";
    expect(revenueCell).toContain("dt-nh");
  });

  it("shows a paged query's first load, its failure with a retry, and Load more while pages remain", () => {
    const calls: string[] = [];
    const query = {
      isPending: false,
      isError: false,
      refetch: () => calls.push("refetch"),
      hasNextPage: true,
      isFetchingNextPage: false,
      fetchNextPage: () => calls.push("next"),
    };
    expect(render({ rows: [], ...paged({ ...query, isPending: true }) })).toContain("Loading…");
    const failed = render({ rows: [], ...paged({ ...query, isError: true }) });
    expect(failed).toContain("Something went wrong");
    expect(failed).toContain("Try again");
    expect(render({ rows, ...paged(query, "Load more orders") })).toContain("Load more orders");
    expect(render({ rows, ...paged({ ...query, hasNextPage: false }) })).not.toContain("Load more");
    const props = paged(query);
    props.onRetry();
    props.loadMore.onLoadMore();
    expect(calls).toEqual(["refetch", "next"]);
  });

  it("puts a full-width row under the rows that have something to say (a confirmation), and none under the rest", () => {
    const html = render({
      rows,
      rowDetail: (a) => (a.id === 2 ? createElement("p", null, "Deactivate Acme?") : null),
    });
    expect(html.match(/<tr role="row"/g)).toHaveLength(4);
    expect(html).toMatch(/<td role="cell" colSpan="3"[^>]*><p>Deactivate Acme\?<\/p><\/td>/);
    expect(html.indexOf("Deactivate Acme?")).toBeGreaterThan(html.indexOf(">Acme<"));
  });

  it("draws a column's marker (a chart series' swatch) before its header, keeping the header's name", () => {
    const html = render({
      rows,
      columns: [
        columns[0] as Column<Account>,
        {
          ...(columns[1] as Column<Account>),
          sort: undefined,
          marker: createElement("svg", { "aria-hidden": "true" }),
        },
      ],
    });
    expect(html).toMatch(
      /<th role="columnheader"[^>]*><span class="[^"]*flex-row-reverse[^"]*">Revenue<svg aria-hidden="true"><\/svg><\/span><\/th>/,
    );
    expect(html).toContain('data-label="Revenue"');
  });
});
