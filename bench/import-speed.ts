// npm run bench:import [LINES] — times the imports on generated files into a fresh database (issue #3 §4 and
// #10 §2: "100,000 lines import in well under a minute"): an order file of LINES order lines and its
// re-import (no change); an accounts-and-contacts file of LINES lines (about 2 contacts per account, Chinese
// and English names, quoted commas), its re-import (no change) and a re-import where every 10th account changed;
// then the CSV exports of every account and of every contact (#10 §4, streamed page by page: the time, the
// rows, and how far the heap grew while streaming). Writes bench/results/<date>-import.json.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { accountsExport, contactsExport } from "@/server/exports/accounts.export";
import { exportContext, exportLines, type ListExport } from "@/server/exports/list-export";
import { runAccountImport } from "@/server/imports/account-import.queries";
import { runImport } from "@/server/imports/import.queries";
import { ORDER_FILE_MAPPING } from "@/server/imports/import.schemas";
import { accountFile, orderFile } from "./import-files";

const LINES = Number(process.argv[2] ?? 100_000);
const file = path.join(tmpdir(), `ladder-import-bench-${process.pid}.db`);
const db = openDb(file);
const results: Record<string, { seconds: number; summary: unknown }> = {};
const exports: Record<string, { seconds: number; rows: number; megabytes: number; heapGrowthMb: number }> =
  {};
function time(label: string, run: () => { summary: unknown }) {
  const t0 = performance.now();
  const result = run();
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  results[label] = { seconds, summary: result.summary };
  console.log(`${label}: ${seconds.toFixed(1)} s`, JSON.stringify(result.summary));
}

const orders = orderFile(LINES);
const mapping = { ...ORDER_FILE_MAPPING, category: "Category" };
console.log(`${LINES.toLocaleString("en")} order lines, ${(orders.length / 1e6).toFixed(1)} MB`);
time("orders: first import", () => runImport(db, null, { fileName: "orders.csv", csv: orders, mapping }));
time("orders: same file again", () => runImport(db, null, { fileName: "orders.csv", csv: orders, mapping }));

const accountsCsv = accountFile(LINES);
const accountMapping = {
  account_ref: "Account ID",
  company: "Company",
  contact_name: "Contact Name",
  contact_title: "Title",
  contact_email: "Email",
  contact_phone: "Phone",
  segment: "Segment",
  industry: "Industry",
};
const importAccounts = (csv: string) => () =>
  runAccountImport(db, null, { fileName: "accounts.csv", csv, mapping: accountMapping });
console.log(`${LINES.toLocaleString("en")} account lines, ${(accountsCsv.length / 1e6).toFixed(1)} MB`);
time("accounts: first import", importAccounts(accountsCsv));
time("accounts: same file again", importAccounts(accountsCsv));
time("accounts: every 10th account changed", importAccounts(accountFile(LINES, 10)));

/** Streams an export to nowhere, as the route streams it to the browser. */
async function timeExport<I, R>(label: string, list: ListExport<I, R>, input: I) {
  const admin = {
    id: "bench-admin",
    name: "Bench",
    email: "bench@example.com",
    role: "admin",
    locale: "en",
  } as const;
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let peak = heap0;
  let rows = -1; // the header line
  let bytes = 0;
  const t0 = performance.now();
  for await (const chunk of await exportLines(list, exportContext(db, admin), input)) {
    rows += chunk.length;
    for (const line of chunk) bytes += Buffer.byteLength(line);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  const entry = {
    seconds,
    rows,
    megabytes: Number((bytes / 1e6).toFixed(1)),
    heapGrowthMb: Number(((peak - heap0) / 1e6).toFixed(1)),
  };
  exports[label] = entry;
  console.log(`${label}: ${seconds.toFixed(1)} s`, JSON.stringify(entry));
}
await timeExport("export: every account (name order)", accountsExport, { sort: "name" });
await timeExport("export: every contact", contactsExport, { sort: "name" });

db.$client.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const out = path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-import.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ command: `npm run bench:import ${LINES}`, lines: LINES, loadAverage: loadavg(), results, exports }, null, 2)}\n`,
);
console.log(`written ${out}`);
