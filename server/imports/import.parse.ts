// Reading an order file (issue #3 §4): CSV text → rows with their line numbers → validated order lines,
// grouped into orders. Pure apart from the CSV parser: no db.
import { parse } from "csv-parse/sync";
import { type AccountKind, accountKindOf, kindFromText } from "./account-kind.rules";
import type { ColumnMapping } from "./import.schemas";

export type CsvTable = { header: string[]; rows: { line: number; cells: string[] }[] };

/** A file that is not well-formed CSV, with the line where the problem starts and a plain sentence. */
export class CsvFormatError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

type Parsed = { record: string[]; info: { lines: number } };

/** csv-parse's errors say where parsing stopped; a person needs where the bad record starts, in words. */
function formatError(error: unknown, lastGoodLine: number): CsvFormatError {
  const e = error as { code?: string; lines?: number; message?: string };
  const start = lastGoodLine + 1;
  switch (e.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvFormatError(
        start,
        "a quoted field starts here and is never closed (a stray double quote?)",
      );
    case "INVALID_OPENING_QUOTE":
      return new CsvFormatError(
        e.lines ?? start,
        'a double quote inside a field that does not start with one; write it as "" inside a quoted field',
      );
    case "CSV_INVALID_CLOSING_QUOTE":
      return new CsvFormatError(
        e.lines ?? start,
        "text follows a closing double quote; quote the whole field and double the quotes inside it",
      );
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH":
    case "CSV_RECORD_INCONSISTENT_COLUMNS":
      return new CsvFormatError(e.lines ?? start, "this row has a different number of columns");
    default:
      return new CsvFormatError(e.lines ?? start, "this line could not be read as CSV");
  }
}

function parseRecords(text: string, to?: number): Parsed[] {
  let lastGoodLine = 0;
  try {
    return parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to,
      on_record: (record, context) => {
        lastGoodLine = context.lines;
        return record;
      },
    }) as unknown as Parsed[];
  } catch (error) {
    throw formatError(error, lastGoodLine);
  }
}

function toTable(records: Parsed[]): CsvTable {
  const [head, ...rest] = records;
  if (!head) return { header: [], rows: [] };
  return {
    header: head.record.map((h) => h.trim()),
    rows: rest.map(({ record, info }) => ({
      // info.lines counts the line the record ends on; a quoted field may span lines.
      line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
      cells: record,
    })),
  };
}

/**
 * Parses CSV text (UTF-8, optional BOM, quoted fields); each row keeps the file line it starts on.
 * Throws CsvFormatError (line and a plain sentence) for text that is not well-formed CSV.
 */
export function readCsv(text: string): CsvTable {
  return toTable(parseRecords(text));
}

/**
 * The header and the first `rows` rows only, read record by record (a quoted field may hold line breaks or
 * run past any fixed number of characters), for guessing the mapping and showing a preview.
 */
export function readCsvHead(text: string, rows = 0): CsvTable {
  return toTable(parseRecords(text, rows + 1));
}

export type RowError = { line: number; reason: string };

export type OrderLine = {
  line: number;
  accountRef: string;
  accountName: string;
  orderRef: string;
  orderedAt: number;
  amount: number;
  margin: number;
  segment: string | null;
  category: string | null;
  /** The kind of account the line describes, used when the import creates the account. */
  kind: AccountKind;
};

/** ISO yyyy-mm-dd (optionally with a time) or US m/d/yyyy, as a UTC instant; NaN when neither. */
export function parseDate(text: string): number {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?Z?$/.exec(s);
  const n = (m: RegExpExecArray, i: number) => Number(m[i] ?? 0);
  if (iso) return utc(n(iso, 1), n(iso, 2), n(iso, 3), n(iso, 4), n(iso, 5), n(iso, 6));
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (us) return utc(n(us, 3), n(us, 1), n(us, 2), 0, 0, 0);
  return Number.NaN;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, se: number): number {
  const ms = Date.UTC(y, mo - 1, d, h, mi, se);
  const check = new Date(ms);
  // Date.UTC rolls 31 Feb over into March; a real date round-trips.
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || se > 59)
    return Number.NaN;
  return ms;
}

/** A money amount ("1,234.56", "$12", "-3.5", "(7.25)") in minor units; NaN when it is not one. */
export function parseMoney(text: string): number {
  let s = text.trim().replace(/[\s,$€£¥]/g, "");
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return sign * Math.round(Number(s) * 100);
}

/** Validates every row; returns the good lines and, for each bad row, its line and what is wrong. */
export function readOrderLines(
  table: CsvTable,
  mapping: ColumnMapping,
): { lines: OrderLine[]; errors: RowError[] } {
  const index = (column: string | undefined) => (column ? table.header.indexOf(column) : -1);
  const col = {
    accountRef: index(mapping.account_ref),
    accountName: index(mapping.account_name),
    orderRef: index(mapping.order_ref),
    orderedAt: index(mapping.ordered_at),
    amount: index(mapping.amount),
    margin: index(mapping.margin),
    segment: index(mapping.segment),
    category: index(mapping.category),
    kind: index(mapping.kind),
  };
  const lines: OrderLine[] = [];
  const errors: RowError[] = [];
  for (const { line, cells } of table.rows) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? "").trim() : "");
    const problems: string[] = [];
    const accountRef = cell(col.accountRef);
    const orderRef = cell(col.orderRef);
    const accountName = cell(col.accountName) || accountRef;
    if (!accountRef) problems.push(`missing customer reference (${mapping.account_ref})`);
    if (!orderRef) problems.push(`missing order reference (${mapping.order_ref})`);
    const orderedAt = parseDate(cell(col.orderedAt));
    if (Number.isNaN(orderedAt)) problems.push(`bad date "${cell(col.orderedAt)}" (${mapping.ordered_at})`);
    const amount = parseMoney(cell(col.amount));
    if (Number.isNaN(amount))
      problems.push(`amount "${cell(col.amount)}" is not a number (${mapping.amount})`);
    const margin = parseMoney(cell(col.margin));
    if (Number.isNaN(margin))
      problems.push(`margin "${cell(col.margin)}" is not a number (${mapping.margin})`);
    const kindText = cell(col.kind);
    if (kindText && !kindFromText(kindText))
      problems.push(`kind "${kindText}" is neither a person nor a company (${mapping.kind})`);
    if (problems.length) {
      errors.push({ line, reason: problems.join("; ") });
      continue;
    }
    const segment = cell(col.segment) || null;
    lines.push({
      line,
      accountRef,
      accountName: accountName.slice(0, 200),
      orderRef,
      orderedAt,
      amount,
      margin,
      segment,
      category: cell(col.category) || null,
      kind: accountKindOf({ kind: kindText, segment }),
    });
  }
  return { lines, errors };
}

export type ImportedOrder = Omit<OrderLine, "line"> & { lines: number };

/** Lines that share an account and order reference are one order: amounts and margins are summed. */
export function groupOrders(lines: readonly OrderLine[]): ImportedOrder[] {
  const orders = new Map<string, ImportedOrder>();
  for (const l of lines) {
    const key = `${l.accountRef}\u0000${l.orderRef}`;
    const o = orders.get(key);
    if (!o) {
      const { line: _line, ...rest } = l;
      orders.set(key, { ...rest, lines: 1 });
      continue;
    }
    o.amount += l.amount;
    o.margin += l.margin;
    o.lines += 1;
    o.orderedAt = Math.min(o.orderedAt, l.orderedAt);
    o.segment ??= l.segment;
    o.category ??= l.category;
  }
  return [...orders.values()];
}
