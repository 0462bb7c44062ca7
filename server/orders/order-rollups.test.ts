// A large batch of orders writes the executive rollup (account_period_activity) set-wise with the per-order
// triggers set aside inside its transaction (issue #11 §1): the rows, sums and links must be exactly those the
// triggers write, the triggers must be back afterwards, and a failed batch must leave everything as it was.
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { insertTestAccount } from "../test/fixtures";
import { createTestDb } from "../test/harness";
import { type OrderToRecord, recordOrders } from "./record-orders";

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const NOW = D(2026, 11, 30);

/** Three accounts; A already ordered in March and September 2025, C in January 2026, B never. */
function setUp(): { db: Db; a: number; b: number; c: number } {
  const db = createTestDb();
  const a = insertTestAccount(db, { ownerId: null, name: "A" });
  const b = insertTestAccount(db, { ownerId: null, name: "B" });
  const c = insertTestAccount(db, { ownerId: null, name: "C" });
  const before: OrderToRecord[] = [
    {
      accountId: a,
      externalRef: "A-1",
      orderedAt: D(2025, 3, 5),
      amount: 10_000,
      margin: 2_000,
      category: null,
    },
    {
      accountId: a,
      externalRef: "A-2",
      orderedAt: D(2025, 9, 9),
      amount: 5_000,
      margin: 500,
      category: null,
    },
    {
      accountId: c,
      externalRef: "C-1",
      orderedAt: D(2026, 1, 20),
      amount: 7_000,
      margin: -300,
      category: null,
    },
  ];
  inTransaction(db, (t) =>
    recordOrders(t, { orders: before, asOf: NOW, actorId: null, setWiseRollups: false }),
  );
  return { db, a, b, c };
}

/** Orders before A's first period, between its periods, in a month it has, after; two in one new month. */
function batch(a: number, b: number, c: number): OrderToRecord[] {
  const o = (accountId: number, ref: string, at: number, amount: number, margin: number) => ({
    accountId,
    externalRef: ref,
    orderedAt: at,
    amount,
    margin,
    category: null,
  });
  return [
    o(a, "A-3", D(2025, 1, 31), 1_000, 100),
    o(a, "A-4", D(2025, 6, 1), 2_000, 200),
    o(a, "A-5", D(2025, 9, 30), 3_000, -50),
    o(a, "A-6", D(2026, 12, 1), 4_000, 400),
    o(a, "A-7", D(2026, 12, 31), 1_500, 150),
    o(b, "B-1", D(2026, 2, 14), 900, 90),
    o(b, "B-2", D(2026, 8, 1), 800, 80),
    o(c, "C-2", D(2026, 2, 2), 600, 60),
    o(c, "C-3", D(2025, 11, 11), 500, 50),
  ];
}

const rollup = (db: Db) =>
  db.$client.prepare("SELECT * FROM account_period_activity ORDER BY account_id, grain, period").all();
const triggers = (db: Db) =>
  db.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

describe("the executive rollup of a large batch of orders", () => {
  it("is written set-wise exactly as the per-order triggers write it, and the triggers are back afterwards", () => {
    const perRow = setUp();
    const setWise = setUp();
    const triggersBefore = triggers(setWise.db);
    inTransaction(perRow.db, (t) =>
      recordOrders(t, {
        orders: batch(perRow.a, perRow.b, perRow.c),
        asOf: NOW,
        actorId: null,
        setWiseRollups: false,
      }),
    );
    inTransaction(setWise.db, (t) =>
      recordOrders(t, {
        orders: batch(setWise.a, setWise.b, setWise.c),
        asOf: NOW,
        actorId: null,
        setWiseRollups: true,
      }),
    );
    expect(rollup(setWise.db)).toEqual(rollup(perRow.db));
    expect(triggers(setWise.db)).toEqual(triggersBefore);
    // Hand-checked: A's months are Jan, Mar, Jun, Sep (two orders), Dec 2026 (two orders), linked in order,
    // all of the January 2025 cohort (month index 2025 * 12 + 0).
    const jan25 = 2025 * 12;
    const months = (rollup(setWise.db) as { account_id: number; grain: number }[]).filter(
      (r) => r.account_id === setWise.a && r.grain === 1,
    );
    expect(months).toEqual([
      {
        account_id: setWise.a,
        grain: 1,
        period: jan25,
        cohort: jan25,
        prev: null,
        orders: 1,
        revenue: 1_000,
        margin: 100,
      },
      {
        account_id: setWise.a,
        grain: 1,
        period: jan25 + 2,
        cohort: jan25,
        prev: jan25,
        orders: 1,
        revenue: 10_000,
        margin: 2_000,
      },
      {
        account_id: setWise.a,
        grain: 1,
        period: jan25 + 5,
        cohort: jan25,
        prev: jan25 + 2,
        orders: 1,
        revenue: 2_000,
        margin: 200,
      },
      {
        account_id: setWise.a,
        grain: 1,
        period: jan25 + 8,
        cohort: jan25,
        prev: jan25 + 5,
        orders: 2,
        revenue: 8_000,
        margin: 450,
      },
      {
        account_id: setWise.a,
        grain: 1,
        period: jan25 + 23,
        cohort: jan25,
        prev: jan25 + 8,
        orders: 2,
        revenue: 5_500,
        margin: 550,
      },
    ]);
  });

  it("a batch that fails leaves the rollup and the triggers as they were", () => {
    const { db, a, b, c } = setUp();
    const rollupBefore = rollup(db);
    const triggersBefore = triggers(db);
    expect(() =>
      inTransaction(db, (t) => {
        recordOrders(t, { orders: batch(a, b, c), asOf: NOW, actorId: null, setWiseRollups: true });
        throw new Error("the import failed after writing");
      }),
    ).toThrow("the import failed after writing");
    expect(rollup(db)).toEqual(rollupBefore);
    expect(triggers(db)).toEqual(triggersBefore);
    // And the triggers still work: one more order through the form's path updates the rollup.
    inTransaction(db, (t) =>
      recordOrders(t, {
        orders: [
          {
            accountId: b,
            externalRef: "B-9",
            orderedAt: D(2026, 3, 3),
            amount: 100,
            margin: 10,
            category: null,
          },
        ],
        asOf: NOW,
        actorId: null,
      }),
    );
    expect(rollup(db)).toHaveLength(rollupBefore.length + 2);
  });
});
