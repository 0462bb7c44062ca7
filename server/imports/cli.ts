// npm run import:orders -- FILE.csv --col account_ref="Customer ID" --col account_name="Customer Name"
//   --col order_ref="Order ID" --col ordered_at="Order Date" --col amount="Sales" --col margin="Profit"
//   [--col segment="Segment"] [--col category="Category"] [--dry-run] [--allow-partial] [--db FILE]
// Columns not given are guessed from the header (Superstore-like names). Exit code 1 when refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { databasePath, openDb } from "@/db/client";
import { CsvFormatError, readCsvHead } from "./import.parse";
import { runImport } from "./import.queries";
import { columnMapping, guessMapping } from "./import.schemas";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    col: { type: "string", multiple: true, default: [] },
    "dry-run": { type: "boolean", default: false },
    "allow-partial": { type: "boolean", default: false },
    db: { type: "string" },
  },
});

const file = positionals[0];
if (!file) {
  console.error(
    'Usage: npm run import:orders -- FILE.csv [--col field="Column"]… [--dry-run] [--allow-partial] [--db FILE]',
  );
  process.exit(2);
}
const csv = readFileSync(file, "utf8");
const given = Object.fromEntries(
  (values.col ?? []).map((c) => {
    const at = c.indexOf("=");
    return [c.slice(0, at).trim(), c.slice(at + 1).trim()];
  }),
);
// The header is the first record, however long; only unnamed columns are guessed from it.
let header: string[];
try {
  header = readCsvHead(csv).header;
} catch (error) {
  if (!(error instanceof CsvFormatError)) throw error;
  console.error(`${file}: line ${error.line}: ${error.reason}. Nothing imported.`);
  process.exit(1);
}
const mapping = columnMapping.safeParse({ ...guessMapping(header), ...given });
if (!mapping.success) {
  for (const issue of mapping.error.issues) console.error(`--col ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}

const db = openDb(values.db ?? databasePath());
const started = performance.now();
const result = runImport(db, null, {
  fileName: path.basename(file),
  csv,
  mapping: mapping.data,
  dryRun: values["dry-run"],
  allowPartial: values["allow-partial"],
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const e of result.errors.slice(0, 200)) console.error(`line ${e.line}: ${e.reason}`);
if (result.errors.length > 200) console.error(`… and ${result.errors.length - 200} more bad rows`);
if (!result.summary) {
  console.error(`Nothing imported: ${result.errors.length} bad row(s). Fix them or pass --allow-partial.`);
  process.exit(1);
}
console.log(JSON.stringify(result.summary, null, 2));
console.log(result.dryRun ? `Dry run in ${seconds} s: nothing was written.` : `Imported in ${seconds} s.`);
