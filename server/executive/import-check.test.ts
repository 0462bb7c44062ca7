// Correctness on public-like data (issue #6 §3): a Superstore-like order file goes through the real importer,
// and the cohort table, retention and rung counts the executive view shows are checked against a calculation
// made here, straight from the CSV rows, that shares no code with the app.
import { describe, expect, it } from "vitest";
import { accounts } from "@/db/schema";
import { runImport } from "../imports/import.queries";
import { ORDER_FILE_MAPPING } from "../imports/import.schemas";
import { addUser, createTestDb } from "../test/harness";
import { cohortHeatmap, executiveOverview, ladderOverTime } from "./trends.queries";

const NOW = Date.UTC(2025, 11, 20, 12); // 20 Dec 2025
const HEADER = "Row ID,Order ID,Order Date,Customer ID,Customer Name,Segment,Sales,Profit";

/**
 * 30 customers over 2022–2025. Customer i first buys in quarter (i mod 7) counted from 2022-Q1 (8 quarters
 * later for the single-order customers, i mod 4 = 0, so some are still recent first-time buyers), then buys
 * (i mod 4) more times, every (i mod 3) + 1 quarters; every third order has two lines. Dates are the 15th of
 * the quarter's second month; sales (10 + i).25 a line, profit a tenth.
 */
function generateCsv(): string {
  const lines = [HEADER];
  let row = 0;
  for (let i = 0; i < 30; i++) {
    const orders = (i % 4) + 1;
    for (let n = 0; n < orders; n++) {
      const q = (i % 7) + (i % 4 === 0 ? 8 : 0) + n * ((i % 3) + 1);
      const year = 2022 + Math.floor(q / 4);
      const month = (q % 4) * 3 + 2;
      const orderId = `CA-${year}-${1000 + i * 10 + n}`;
      const parts = n % 3 === 2 ? 2 : 1;
      for (let k = 0; k < parts; k++) {
        row += 1;
        const sales = `${10 + i}.25`;
        const profit = ((10 + i + 0.25) / 10).toFixed(2);
        lines.push(`${row},${orderId},${month}/15/${year},C-${i},Customer ${i},Consumer,${sales},${profit}`);
      }
    }
  }
  return lines.join("\n");
}

/** The independent calculation: read the CSV by splitting lines (the file has no quoted fields). */
function expectedFromCsv(csv: string) {
  const [header, ...rows] = csv.split("\n");
  const col = (name: string) => (header as string).split(",").indexOf(name);
  const [iOrder, iDate, iCustomer, iSales] = ["Order ID", "Order Date", "Customer ID", "Sales"].map(col);
  const orders = new Map<string, { customer: string; at: number; cents: number }>();
  for (const line of rows) {
    const f = line.split(",");
    const [m, d, y] = (f[iDate as number] as string).split("/").map(Number);
    const key = `${f[iCustomer as number]}|${f[iOrder as number]}`;
    const o = orders.get(key) ?? {
      customer: f[iCustomer as number] as string,
      at: Date.UTC(y as number, (m as number) - 1, d as number),
      cents: 0,
    };
    o.cents += Math.round(Number(f[iSales as number]) * 100);
    orders.set(key, o);
  }
  const quarterOf = (ms: number) =>
    new Date(ms).getUTCFullYear() * 4 + Math.floor(new Date(ms).getUTCMonth() / 3);
  const byCustomer = new Map<string, { quarters: Map<number, number>; orders: number; last: number }>();
  for (const o of orders.values()) {
    const c = byCustomer.get(o.customer) ?? { quarters: new Map(), orders: 0, last: 0 };
    const q = quarterOf(o.at);
    c.quarters.set(q, (c.quarters.get(q) ?? 0) + o.cents);
    c.orders += 1;
    c.last = Math.max(c.last, o.at);
    byCustomer.set(o.customer, c);
  }
  const lastQuarter = quarterOf(NOW);
  const cohorts = new Map<number, { size: number; active: number[]; revenue: number[] }>();
  for (const c of byCustomer.values()) {
    const first = Math.min(...c.quarters.keys());
    const cohort = cohorts.get(first) ?? {
      size: 0,
      active: Array(lastQuarter - first + 1).fill(0),
      revenue: Array(lastQuarter - first + 1).fill(0),
    };
    cohort.size += 1;
    for (const [q, cents] of c.quarters) {
      cohort.active[q - first] += 1;
      cohort.revenue[q - first] += cents;
    }
    cohorts.set(first, cohort);
  }
  const retention = new Map<number, number | null>();
  for (let q = 2022 * 4; q <= lastQuarter; q++) {
    const before = [...byCustomer.values()].filter((c) => c.quarters.has(q - 1));
    const kept = before.filter((c) => c.quarters.has(q)).length;
    retention.set(q, before.length ? kept / before.length : null);
  }
  const yearAgo = NOW - 365 * 86_400_000;
  const rungs = { first_time: 0, repeat: 0, lapsed: 0 };
  for (const c of byCustomer.values()) {
    if (c.last < yearAgo) rungs.lapsed += 1;
    else rungs[c.orders > 1 ? "repeat" : "first_time"] += 1;
  }
  return { cohorts, retention, rungs, lines: rows.length, orders: orders.size };
}

describe("the executive view on an imported order file", () => {
  it("matches a calculation made directly from the CSV", () => {
    const db = createTestDb();
    const csv = generateCsv();
    const expected = expectedFromCsv(csv);
    const result = runImport(db, addUser(db, "sales_lead"), {
      fileName: "superstore-like.csv",
      csv,
      mapping: ORDER_FILE_MAPPING,
      now: NOW,
    });
    expect(result.errors).toEqual([]);
    // By hand: i mod 4 = 0, 1, 2, 3 for 8, 8, 7, 7 customers, with 1, 2, 3, 4 orders → 73 orders; the third
    // order of the 14 customers with 3 or 4 orders has a second line → 87 lines.
    expect(expected.orders).toBe(73);
    expect(expected.lines).toBe(87);
    expect(result.summary).toMatchObject({ ordersCreated: 73, accountsCreated: 30 });

    const range = { grain: "quarter" as const, from: 2022 * 4, to: 2025 * 4 + 3 };
    const { cohorts } = cohortHeatmap(db, range);
    // By hand: the 22 repeat buyers start in quarter i mod 7 (2022-Q2 has 1, 15, 22, 29; the others 3 each),
    // nobody in 2023-Q4, then the 8 single-order customers (2024-Q1 has 0 and 28).
    expect(cohorts.map((c) => c.size)).toEqual([3, 4, 3, 3, 3, 3, 3, 2, 1, 1, 1, 1, 1, 1]);
    expect(cohorts).toHaveLength(expected.cohorts.size);
    for (const c of cohorts) {
      const e = expected.cohorts.get(c.period);
      expect(c.size).toBe(e?.size);
      expect(c.cells.map((x) => x.active)).toEqual(e?.active);
      expect(c.cells.map((x) => x.revenue)).toEqual(e?.revenue);
    }

    const { periods } = executiveOverview(db, range);
    for (const p of periods) {
      const e = expected.retention.get(p.period);
      if (e === null || e === undefined) expect(p.retention).toBeNull();
      else expect(p.retention).toBeCloseTo(e, 10);
    }

    // The file has accounts on every rung it can reach: first-time buyers, repeat customers and lapsed.
    expect(Object.values(expected.rungs).every((n) => n > 0)).toBe(true);
    // Rung counts: the accounts table, and the ladder rebuilt from the history at the end of the last quarter.
    const now = db.select().from(accounts).all();
    const count = (f: (a: (typeof now)[number]) => boolean) => now.filter(f).length;
    expect({
      first_time: count((a) => a.status === "active" && a.rung === "first_time"),
      repeat: count((a) => a.status === "active" && a.rung === "repeat"),
      lapsed: count((a) => a.status === "lapsed"),
    }).toEqual(expected.rungs);
    const last = ladderOverTime(db, range).stack.at(-1);
    expect({ first_time: last?.first_time, repeat: last?.repeat, lapsed: last?.lapsed }).toEqual(
      expected.rungs,
    );
  });
});
