// npm run bench:import — times the order import on a generated file of 100,000 order lines (issue #3 §4:
// "100,000 order lines import in well under a minute") into a fresh database, then a re-import (no change).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { runImport } from "@/server/imports/import.queries";

const LINES = Number(process.argv[2] ?? 100_000);
const header = "Order ID,Order Date,Customer ID,Customer Name,Segment,Category,Sales,Profit";
const segments = ["Consumer", "Corporate", "Home Office"];
const rows: string[] = [header];
let seed = 7;
// mulberry32: a small, well-spread deterministic generator.
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};
let order = 0;
while (rows.length <= LINES) {
  order += 1;
  const customer = Math.floor(rand() * (LINES / 4));
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 1400) * 86_400_000);
  const date = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
  const lines = 1 + Math.floor(rand() * 4);
  for (let l = 0; l < lines && rows.length <= LINES; l += 1) {
    const sales = (5 + rand() * 900).toFixed(2);
    const profit = (Number(sales) * (rand() * 0.5 - 0.1)).toFixed(2);
    rows.push(
      `ORD-${order},${date},CUST-${customer},Customer ${customer},${segments[customer % 3]},Office Supplies,${sales},${profit}`,
    );
  }
}
const csv = rows.join("\n");
const mapping = {
  account_ref: "Customer ID",
  account_name: "Customer Name",
  order_ref: "Order ID",
  ordered_at: "Order Date",
  amount: "Sales",
  margin: "Profit",
  segment: "Segment",
  category: "Category",
};
const file = path.join(tmpdir(), `ladder-import-bench-${process.pid}.db`);
const db = openDb(file);
const time = (label: string) => {
  const t0 = performance.now();
  const result = runImport(db, null, { fileName: "bench.csv", csv, mapping });
  const s = (performance.now() - t0) / 1000;
  console.log(`${label}: ${s.toFixed(1)} s`, JSON.stringify(result.summary));
};
console.log(`${LINES.toLocaleString("en")} order lines, ${(csv.length / 1e6).toFixed(1)} MB`);
time("first import");
time("same file again");
db.$client.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
