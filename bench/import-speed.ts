// npm run bench:import [LINES] — times the imports on generated files into a fresh database (issue #3 §4 and
// #10 §2: "100,000 lines import in well under a minute"): an order file of LINES order lines and its
// re-import (no change); an accounts-and-contacts file of LINES lines (about 2 contacts per account, Chinese
// and English names, quoted commas), its re-import (no change) and a re-import where every 10th account changed.
// Writes bench/results/<date>-import.json.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { runAccountImport } from "@/server/imports/account-import.queries";
import { runImport } from "@/server/imports/import.queries";

const LINES = Number(process.argv[2] ?? 100_000);
let seed = 7;
// mulberry32: a small, well-spread deterministic generator.
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export function orderFile(lines: number): string {
  const segments = ["Consumer", "Corporate", "Home Office"];
  const rows = ["Order ID,Order Date,Customer ID,Customer Name,Segment,Category,Sales,Profit"];
  let order = 0;
  while (rows.length <= lines) {
    order += 1;
    const customer = Math.floor(rand() * (lines / 4));
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 1400) * 86_400_000);
    const date = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
    const n = 1 + Math.floor(rand() * 4);
    for (let l = 0; l < n && rows.length <= lines; l += 1) {
      const sales = (5 + rand() * 900).toFixed(2);
      const profit = (Number(sales) * (rand() * 0.5 - 0.1)).toFixed(2);
      rows.push(
        `ORD-${order},${date},CUST-${customer},Customer ${customer},${segments[customer % 3]},Office Supplies,${sales},${profit}`,
      );
    }
  }
  return rows.join("\n");
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "Smith", "Garcia", "Müller", "O'Brien", "Kim"];
const GIVEN = ["芳", "伟", "娜", "敏", "静", "Anna", "José", "Lena", "Sean", "Min-jun"];
const SEGMENTS = ["Corporate", "Retail", "Wholesale", "Public sector", "Consumer"];

export function accountFile(lines: number, changedEvery = 0): string {
  seed = 11;
  const rows = ["Account ID,Company,Contact Name,Title,Email,Phone,Segment,Industry"];
  let account = 0;
  while (rows.length <= lines) {
    account += 1;
    const person = account % 5 === 0;
    const company = person ? "" : `"${SURNAMES[account % 10]} Trading ${account}, Ltd."`;
    const changed = changedEvery > 0 && account % changedEvery === 0;
    const segment = person ? "Consumer" : SEGMENTS[account % 4];
    const contacts = person ? 1 : 1 + Math.floor(rand() * 3);
    for (let c = 0; c < contacts && rows.length <= lines; c += 1) {
      const name = `${SURNAMES[(account + c) % 10]}${GIVEN[(account * 7 + c) % 10]}`;
      const title = changed && c === 0 ? "Head of Purchasing" : ["Buyer", "CFO", "Owner"][c];
      rows.push(
        `ACC-${account},${company},${name},${title},c${c}.a${account}@example.com,+86 21 5555 ${String(account % 10_000).padStart(4, "0")},${segment},${changed ? "Logistics" : "Trade"}`,
      );
    }
  }
  return rows.join("\n");
}

const file = path.join(tmpdir(), `ladder-import-bench-${process.pid}.db`);
const db = openDb(file);
const results: Record<string, { seconds: number; summary: unknown }> = {};
function time(label: string, run: () => { summary: unknown }) {
  const t0 = performance.now();
  const result = run();
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  results[label] = { seconds, summary: result.summary };
  console.log(`${label}: ${seconds.toFixed(1)} s`, JSON.stringify(result.summary));
}

const orders = orderFile(LINES);
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

db.$client.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
const out = path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-import.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ command: `npm run bench:import ${LINES}`, lines: LINES, loadAverage: loadavg(), results }, null, 2)}\n`,
);
console.log(`written ${out}`);
