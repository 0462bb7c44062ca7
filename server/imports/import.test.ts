import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditLog, ladderMoves, orderImports, orders } from "@/db/schema";
import type { SessionUser } from "../context";
import { insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { parseDate, parseMoney, readCsv } from "./import.parse";
import { runImport } from "./import.queries";
import { guessMapping, ORDER_FILE_MAPPING } from "./import.schemas";

const HEADER = "Order ID,Order Date,Customer ID,Customer Name,Segment,Sales,Profit";
const NOW = Date.UTC(2026, 10, 22, 12);
const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

// CG-1: one order of two lines (counts once) → first-time buyer.
// DV-2: two orders → repeat customer, moves dated at each order. Last order 2 Oct 2026: still active.
const GOOD = [
  HEADER,
  "CA-1,11/8/2025,CG-1,Claire Gute,Consumer,261.96,41.91",
  "CA-1,11/8/2025,CG-1,Claire Gute,Consumer,731.94,219.58",
  "CA-2,6/12/2026,DV-2,Darrin Van Huff,Corporate,14.62,6.87",
  'CA-3,10/2/2026,DV-2,Darrin Van Huff,Corporate,"1,957.58",-383.03',
].join("\n");

let db: Db;
let lead: SessionUser;
beforeEach(() => {
  db = createTestDb();
  lead = addUser(db, "sales_lead");
});
const run = (csv: string, extra: Partial<Parameters<typeof runImport>[2]> = {}) =>
  runImport(db, lead, { fileName: "orders.csv", csv, mapping: ORDER_FILE_MAPPING, now: NOW, ...extra });
const byRef = (ref: string) => db.select().from(accounts).where(eq(accounts.externalRef, ref)).get();
function snapshot() {
  return {
    accounts: db.select().from(accounts).all(),
    orders: db.select().from(orders).all(),
    moves: db.select().from(ladderMoves).all(),
  };
}

describe("reading the file", () => {
  it("reads US and ISO dates as UTC, and money with separators, signs and brackets in cents", () => {
    expect(parseDate("11/8/2025")).toBe(D(2025, 11, 8));
    expect(parseDate("2025-11-08")).toBe(D(2025, 11, 8));
    expect(parseDate("2025-02-30")).toBeNaN();
    expect(parseDate("8.11.2025")).toBeNaN();
    expect(parseMoney("1,957.58")).toBe(195_758);
    expect(parseMoney("-383.03")).toBe(-38_303);
    expect(parseMoney("(7.25)")).toBe(-725);
    expect(parseMoney("$12")).toBe(1_200);
    expect(parseMoney("12 EUR")).toBeNaN();
  });

  it("keeps the file's line numbers, also after a quoted field that spans lines", () => {
    const table = readCsv('a,b\n1,"two\nlines"\n3,x\n');
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("guesses the mapping from Superstore-like headers", () => {
    expect(guessMapping(HEADER.split(","))).toEqual(ORDER_FILE_MAPPING);
  });
});

describe("importing orders", () => {
  it("creates accounts and orders, counts lines of one order once, and puts accounts on the right rungs", () => {
    const result = run(GOOD);
    expect(result.errors).toEqual([]);
    expect(result.summary).toEqual({
      rowsRead: 4,
      rowsSkipped: 0,
      ordersInFile: 3,
      ordersCreated: 3,
      ordersAlreadyPresent: 0,
      accountsCreated: 2,
      accountsMatched: 0,
      accountsPerRung: { first_time: 1, repeat: 1 },
    });
    expect(byRef("CG-1")).toMatchObject({
      name: "Claire Gute",
      segment: "Consumer",
      rung: "first_time",
      orderCount: 1,
      revenue: 99_390,
      margin: 26_149,
    });
    const dv = byRef("DV-2");
    expect(dv).toMatchObject({
      rung: "repeat",
      orderCount: 2,
      revenue: 197_220,
      margin: -37_616,
      status: "active",
    });
    const moves = db
      .select()
      .from(ladderMoves)
      .where(eq(ladderMoves.accountId, dv?.id ?? 0))
      .all();
    expect(moves.map((m) => [m.fromRung, m.toRung, m.at])).toEqual([
      [null, "suspect", D(2026, 6, 12)],
      ["suspect", "first_time", D(2026, 6, 12)],
      ["first_time", "repeat", D(2026, 10, 2)],
    ]);
    expect(db.select().from(orderImports).all()).toHaveLength(1);
    expect(db.select().from(auditLog).where(eq(auditLog.action, "orders.import")).all()).toHaveLength(1);
  });

  it("lapses an imported account whose last order is older than the lapse window, as of the import", () => {
    run(GOOD);
    // CG-1 last ordered 8 Nov 2025: 365 days later, 8 Nov 2026, before the import on 22 Nov 2026.
    expect(byRef("CG-1")).toMatchObject({
      status: "lapsed",
      statusSince: D(2026, 11, 8),
      rung: "first_time",
    });
  });

  it("importing the same file twice changes nothing the second time", () => {
    run(GOOD);
    const before = snapshot();
    const again = run(GOOD);
    expect(again.summary).toMatchObject({
      ordersCreated: 0,
      ordersAlreadyPresent: 3,
      accountsCreated: 0,
      accountsMatched: 2,
    });
    const after = snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.moves).toEqual(before.moves);
    expect(after.accounts.map(({ updatedAt: _u, ...a }) => a)).toEqual(
      before.accounts.map(({ updatedAt: _u, ...a }) => a),
    );
  });

  it("refuses a malformed file with every bad row and its line number, and writes nothing", () => {
    const bad = [
      HEADER,
      "CA-1,11/8/2025,CG-1,Claire Gute,Consumer,261.96,41.91",
      "CA-2,31/31/2025,DV-2,Darrin,Corporate,10,1",
      "CA-3,1/2/2026,,No Ref,Corporate,ten,1",
    ].join("\n");
    const result = run(bad);
    expect(result.applied).toBe(false);
    expect(result.errors).toEqual([
      { line: 3, reason: 'bad date "31/31/2025" (Order Date)' },
      { line: 4, reason: 'missing customer reference (Customer ID); amount "ten" is not a number (Sales)' },
    ]);
    expect(snapshot()).toEqual({ accounts: [], orders: [], moves: [] });
  });

  it("with allowPartial, imports the good rows and reports the skipped ones", () => {
    const bad = [
      HEADER,
      "CA-1,11/8/2025,CG-1,Claire Gute,Consumer,261.96,41.91",
      "CA-2,soon,DV-2,Darrin,Corporate,10,1",
    ].join("\n");
    const result = run(bad, { allowPartial: true });
    expect(result.applied).toBe(true);
    expect(result.summary).toMatchObject({
      rowsRead: 2,
      rowsSkipped: 1,
      ordersCreated: 1,
      accountsCreated: 1,
    });
    expect(result.errors).toHaveLength(1);
  });

  it("a dry run reports exactly what an import would do and changes nothing", () => {
    const dry = run(GOOD, { dryRun: true });
    expect(dry).toMatchObject({
      applied: false,
      dryRun: true,
      summary: { ordersCreated: 3, accountsCreated: 2 },
    });
    expect(snapshot()).toEqual({ accounts: [], orders: [], moves: [] });
  });

  it("a crash in the middle leaves the database as it was", () => {
    const before = snapshot();
    expect(() =>
      run(GOOD, {
        failAfterWrite: () => {
          throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(snapshot()).toEqual(before);
  });

  it("matches existing accounts by reference: a member stays a member, a lost account with a newer order is won back", () => {
    const member = insertTestAccount(db, { ownerId: null, rung: "member", name: "Claire Gute" });
    db.update(accounts).set({ externalRef: "CG-1" }).where(eq(accounts.id, member)).run();
    const lost = insertTestAccount(db, { ownerId: null, rung: "repeat", name: "Darrin" });
    db.update(accounts)
      .set({ externalRef: "DV-2", status: "lost", statusSince: D(2026, 7, 1), lostReason: "competitor" })
      .where(eq(accounts.id, lost))
      .run();
    const result = run(GOOD);
    expect(result.summary).toMatchObject({ accountsCreated: 0, accountsMatched: 2 });
    expect(byRef("CG-1")?.rung).toBe("member");
    expect(byRef("DV-2")).toMatchObject({ rung: "repeat", status: "active", statusSince: D(2026, 10, 2) });
    const winBack = db.select().from(ladderMoves).where(eq(ladderMoves.accountId, lost)).all();
    expect(winBack.map((m) => [m.fromStatus, m.toStatus, m.reason, m.at])).toEqual([
      ["lost", "active", "won_back", D(2026, 10, 2)],
    ]);
  });

  it("is planned before the write and checked inside it: an account created and an order recorded meanwhile are matched, not duplicated", () => {
    // Between the plan (CG-1 to create, DV-2's two orders new) and the write transaction, another user creates
    // the account CG-1 and the REST API records DV-2's order CA-2.
    const result = run(GOOD, {
      afterPlan: () => {
        const cg = insertTestAccount(db, { ownerId: null, name: "Claire Gute (typed)" });
        db.update(accounts).set({ externalRef: "CG-1" }).where(eq(accounts.id, cg)).run();
        const dv = insertTestAccount(db, { ownerId: null, name: "Darrin Van Huff" });
        db.update(accounts).set({ externalRef: "DV-2" }).where(eq(accounts.id, dv)).run();
        db.insert(orders)
          .values({
            accountId: dv,
            externalRef: "CA-2",
            orderedAt: D(2026, 6, 12),
            amount: 1_462,
            margin: 687,
            createdAt: NOW,
          })
          .run();
      },
    });
    expect(result.summary).toMatchObject({
      ordersCreated: 2,
      ordersAlreadyPresent: 1,
      accountsCreated: 0,
      accountsMatched: 2,
    });
    expect(db.select().from(accounts).all()).toHaveLength(2);
    expect(byRef("CG-1")).toMatchObject({ name: "Claire Gute (typed)", orderCount: 1, revenue: 99_390 });
    expect(db.select().from(orders).all()).toHaveLength(3);
  });

  it("refuses a mapping that names a column the file does not have", () => {
    const result = runImport(db, lead, {
      fileName: "x.csv",
      csv: GOOD,
      mapping: { ...ORDER_FILE_MAPPING, margin: "Margin" },
      now: NOW,
    });
    expect(result.errors).toEqual([{ line: 1, reason: "columns not in the file: Margin" }]);
  });
});

describe("who may import", () => {
  it("sales leads and admins; everyone else is refused by the server", async () => {
    for (const role of ALL_ROLES) {
      const c = callerFor(db, addUser(db, role));
      const call = c.imports.run({
        fileName: "o.csv",
        csv: GOOD,
        mapping: ORDER_FILE_MAPPING,
        dryRun: true,
        allowPartial: false,
      });
      if (role === "sales_lead" || role === "admin")
        await expect(call).resolves.toMatchObject({ dryRun: true });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
