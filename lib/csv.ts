// CSV cells for every file the product writes (chart downloads, list exports): RFC 4180 quoting, and text
// that a spreadsheet would run as a formula made inert. A name typed as `=HYPERLINK(...)` must come out as
// text, so a text cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe (OWASP's
// advice for CSV injection). Numbers are written as numbers: -45 stays a number.
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell as CSV text: formula-looking text neutralised, then quoted when it holds a comma, quote or newline. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record, without its line break. */
export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}

/** Records joined by CRLF (no byte-order mark: add `CSV_BOM` in front of a whole file). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map(csvLine).join("\r\n");
}

/** UTF-8 byte-order mark, so spreadsheet programs read Chinese names correctly. */
export const CSV_BOM = "\uFEFF";
