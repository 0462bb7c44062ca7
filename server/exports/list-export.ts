// CSV exports of the lists (issue #10 §4), one shared machine for all of them: each list declares how to read
// one page of itself (through its own tRPC procedure, so the same input schema, filter logic, sort and
// permission rules as the page) and its columns; this file walks the pages by their cursor and streams the
// lines. 100k rows are never held in memory: a page of PAGE rows is read, written out, and dropped. UTF-8 with
// a byte-order mark, headers in the reader's language, money in currency units, ISO dates, and every cell
// through lib/csv.ts (formula-looking text neutralised).
import type { Db } from "@/db/client";
import type { Locale } from "@/db/schema";
import { CSV_BOM, type CsvCell, csvLine } from "@/lib/csv";
import type { SessionUser } from "../context";
import { createCaller } from "../root";

/** Rows per page read: the lists' procedures accept at most 100. */
export const EXPORT_PAGE = 100;

export type Caller = ReturnType<typeof createCaller>;
export type ExportContext = { db: Db; user: SessionUser; caller: Caller };
export type ExportPage<R> = { items: readonly R[]; nextCursor: unknown };

/** One column: its header in each language and the cell it writes for a row. */
export type ExportColumn<R> = { en: string; zh: string; cell: (row: R, locale: Locale) => CsvCell };

/** A list's export: one page at a cursor (null: the first), and the columns. */
export type ListExport<I, R> = {
  /** The file name's first part (`deals` → `deals-2026-12-02.csv`). */
  file: string;
  page: (ctx: ExportContext, input: I, cursor: unknown) => Promise<ExportPage<R>>;
  columns: readonly ExportColumn<R>[];
};

export function exportContext(db: Db, user: SessionUser): ExportContext {
  return { db, user, caller: createCaller({ db, user }) };
}

/** A day as an ISO date (UTC), or empty. */
export const isoDate = (ms: number | null | undefined): string | null =>
  typeof ms === "number" ? new Date(ms).toISOString().slice(0, 10) : null;
/** A moment as an ISO date and time in UTC (`2026-03-07T15:00:00Z`), or empty. */
export const isoTime = (ms: number | null | undefined): string | null =>
  typeof ms === "number" ? `${new Date(ms).toISOString().slice(0, 19)}Z` : null;
/** Money kept in cents, written in currency units. */
export const units = (minor: number | null | undefined): number | null =>
  typeof minor === "number" ? minor / 100 : null;

/**
 * The file's lines (header first, with the byte-order mark; each ending in CRLF), a page at a time. The first
 * page is read before this returns, so a refused or invalid request fails here (the route answers 400/403)
 * rather than in the middle of a download.
 */
export async function exportLines<I, R>(
  list: ListExport<I, R>,
  ctx: ExportContext,
  input: I,
): Promise<AsyncGenerator<string[]>> {
  const first = await list.page(ctx, input, null);
  const locale = ctx.user.locale === "zh" ? "zh" : "en";
  const line = (row: R) => `${csvLine(list.columns.map((c) => c.cell(row, locale)))}\r\n`;
  async function* pages(): AsyncGenerator<string[]> {
    yield [`${CSV_BOM}${csvLine(list.columns.map((c) => c[locale]))}\r\n`];
    let page: ExportPage<R> = first;
    for (;;) {
      yield page.items.map(line);
      if (page.nextCursor === null || page.nextCursor === undefined) return;
      page = await list.page(ctx, input, page.nextCursor);
    }
  }
  return pages();
}

/** A byte stream of the lines: one page per chunk. */
export function csvStream(lines: AsyncGenerator<string[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.join("")));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

/** The whole file as text (tests and small callers), byte-order mark included. */
export async function exportText<I, R>(
  list: ListExport<I, R>,
  ctx: ExportContext,
  input: I,
): Promise<string> {
  let text = "";
  for await (const chunk of await exportLines(list, ctx, input)) text += chunk.join("");
  return text;
}
