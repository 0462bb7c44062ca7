// The order import on files as real exports look (issue #10 §2 a–c): quoted commas, long fields, Chinese
// names, a byte-order mark and CRLF line ends; malformed CSV; people and companies; time on each rung.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, orders } from "@/db/schema";
import { findLadderHistory } from "../ladder/ladder.queries";
import { timeOnRungs } from "../ladder/ladder.rules";
import { addUser, createTestDb } from "../test/harness";
import { readCsv, readCsvHead } from "./import.parse";
import { runImport } from "./import.queries";
import { guessMapping } from "./import.schemas";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30, 12);
const SUPERSTORE = readFileSync(path.join(__dirname, "testdata", "superstore-sample.csv"), "utf8");

let db: Db;
beforeEach(() => {
  db = createTestDb();
});
const lead = () => addUser(db, "sales_lead");
const byRef = (ref: string) => db.select().from(accounts).where(eq(accounts.externalRef, ref)).get();

function importFile(csv: string, extra: { dryRun?: boolean } = {}) {
  const header = readCsvHead(csv).header;
  return runImport(db, lead(), {
    fileName: "orders.csv",
    csv,
    mapping: { ...guessMapping(header) } as Parameters<typeof runImport>[2]["mapping"],
    now: NOW,
    ...extra,
  });
}

describe("a Superstore-like export", () => {
  it("is read with its quoted commas, long fields and Chinese names, and every order lands", () => {
    const result = importFile(SUPERSTORE);
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatchObject({
      rowsRead: 7,
      ordersInFile: 6,
      ordersCreated: 6,
      accountsCreated: 6,
    });
    expect(byRef("CN-88002")).toMatchObject({
      name: "北京华信科技有限公司",
      revenue: 2399_00,
      margin: 412_75,
    });
    expect(byRef("CG-12520")).toMatchObject({ orderCount: 1, revenue: 993_90 });
    expect(db.select().from(orders).all()).toHaveLength(6);
  });

  it("makes an account for a consumer a person and one for a business a company", () => {
    importFile(SUPERSTORE);
    expect(byRef("CG-12520")?.kind).toBe("person");
    expect(byRef("CN-88001")).toMatchObject({ name: "王芳", kind: "person" });
    expect(byRef("DV-13045")?.kind).toBe("company");
    expect(byRef("CN-88002")?.kind).toBe("company");
    expect(byRef("HP-14815")?.kind).toBe("company");
  });

  it("takes the kind from a kind column when the file has one, in English or Chinese", () => {
    const csv = [
      "Customer ID,Customer Name,Customer Type,Order ID,Order Date,Sales,Profit",
      "C-1,李娜,个人,O-1,2026-05-01,10,1",
      "C-2,Acme,Company,O-2,2026-05-01,10,1",
      "C-3,Bob,individual,O-3,2026-05-01,10,1",
    ].join("\n");
    expect(importFile(csv).errors).toEqual([]);
    expect([byRef("C-1")?.kind, byRef("C-2")?.kind, byRef("C-3")?.kind]).toEqual([
      "person",
      "company",
      "person",
    ]);
  });
});

describe("time on each rung of an imported account", () => {
  it("follows the dated moves: a first-time buyer since its first order, not a suspect", () => {
    importFile(SUPERSTORE);
    const claire = byRef("CG-12520");
    const first = Date.UTC(2025, 10, 8);
    const durations = timeOnRungs(findLadderHistory(db, claire?.id ?? 0), NOW);
    expect(durations).toEqual({ suspect: 0, first_time: NOW - first });
    // 8 Nov 2025 → 30 Jun 2026 noon: 234.5 days as a first-time buyer.
    expect((durations.first_time ?? 0) / DAY).toBe(234.5);
  });

  it("a second order later makes the rest of the time a repeat customer's", () => {
    const csv = [
      "Customer ID,Customer Name,Order ID,Order Date,Sales,Profit",
      "R-1,Repeat Co,O-1,2026-01-10,100,10",
      "R-1,Repeat Co,O-2,2026-04-20,100,10",
    ].join("\n");
    importFile(csv);
    const durations = timeOnRungs(findLadderHistory(db, byRef("R-1")?.id ?? 0), NOW);
    expect(durations).toEqual({
      suspect: 0,
      first_time: Date.UTC(2026, 3, 20) - Date.UTC(2026, 0, 10),
      repeat: NOW - Date.UTC(2026, 3, 20),
    });
  });
});

describe("malformed CSV", () => {
  it("a quote that is never closed is refused with the line where it opens, and nothing is written", () => {
    const csv = [
      "Customer ID,Customer Name,Order ID,Order Date,Sales,Profit",
      "C-1,Acme,O-1,2026-05-01,10,1",
      'C-2,"Broken, Inc,O-2,2026-05-01,10,1',
      "C-3,Fine,O-3,2026-05-01,10,1",
    ].join("\n");
    const result = importFile(csv);
    expect(result).toMatchObject({ applied: false, summary: null });
    expect(result.errors).toEqual([{ line: 3, reason: expect.stringContaining("never closed") }]);
    expect(db.select().from(accounts).all()).toEqual([]);
  });

  it("a stray quote in the middle of a field is refused with its line and a plain sentence", () => {
    const csv = ["Customer ID,Customer Name", "C-1,Acme", 'C-2,The "Best" Shop'].join("\n");
    expect(() => readCsv(csv)).toThrow(/^line 3: a double quote inside a field/);
  });

  it("the header is read from the first record, however far a quoted field runs", () => {
    const long = `"${"x, ".repeat(4000)}"`;
    const csv = `Customer ID,Customer Name,Order ID,Order Date,Sales,Profit\nC-1,${long},O-1,2026-05-01,10,1\n`;
    expect(csv.indexOf(long) < 10_000 && csv.indexOf(long) + long.length > 10_000).toBe(true);
    expect(readCsvHead(csv).header).toEqual([
      "Customer ID",
      "Customer Name",
      "Order ID",
      "Order Date",
      "Sales",
      "Profit",
    ]);
  });
});

describe("the command line", () => {
  const dir = tmpdir();
  const files = ["straddle.csv", "straddle.db", "broken.csv", "broken.db"].map((f) =>
    path.join(dir, `${process.pid}-${f}`),
  );
  afterAll(() => {
    for (const f of files) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
  });
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "server/imports/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, NODE_NO_WARNINGS: "1" },
    });

  it("imports a file whose quoted field straddles the 10,000th character, with every column given", () => {
    const [file, dbFile] = files as [string, string];
    const long = `"${"Bookcase, oak, ".repeat(700)}"`;
    writeFileSync(
      file,
      `Order ID,Order Date,Customer ID,Customer Name,Product,Sales,Profit\nO-1,2026-05-01,C-1,Acme,${long},10,1\n`,
    );
    const run = cli([
      file,
      "--db",
      dbFile,
      "--col",
      "account_ref=Customer ID",
      "--col",
      "account_name=Customer Name",
      "--col",
      "order_ref=Order ID",
      "--col",
      "ordered_at=Order Date",
      "--col",
      "amount=Sales",
      "--col",
      "margin=Profit",
    ]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain('"ordersCreated": 1');
    expect(run.status).toBe(0);
  }, 60_000);

  it("answers a malformed file with its line and a sentence, never a stack trace", () => {
    const [, , file, dbFile] = files as [string, string, string, string];
    writeFileSync(
      file,
      'Customer ID,Customer Name,Order ID,Order Date,Sales,Profit\nC-1,"Acme,O-1,2026-05-01,10,1\n',
    );
    const run = cli([file, "--db", dbFile]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/line 2: a quoted field starts here and is never closed/);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);
});
