// "Download the data behind this chart": the product's one CSV writer (lib/csv.ts: quoting and formula
// neutralising) with a byte-order mark so spreadsheet programs read Chinese names.
import { CSV_BOM, type CsvCell, toCsv } from "@/lib/csv";

export type { CsvCell };
export { toCsv };

export function downloadCsv(fileName: string, rows: readonly (readonly CsvCell[])[]): void {
  const blob = new Blob([`${CSV_BOM}${toCsv(rows)}`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}
