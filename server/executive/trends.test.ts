import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type AccountStatus, accountPeriodActivity, orders, type Rung } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { inTransaction } from "@/db/transaction";
import { parsePeriod, periodIndex } from "@/lib/periods";
import { recordLadderMove } from "../ladder/ladder.queries";
import { type OrderToRecord, recordOrders } from "../orders/record-orders";
import { insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { cohorts as cohortsByDefinition } from "./retention.rules";
import { cohortHeatmap, executiveOverview, firstPeriod, ladderOverTime } from "./trends.queries";

const D = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);
const Q = (label: string) => parsePeriod(label, "quarter");
const YEAR_2025 = { grain: "quarter" as const, from: Q("2025-Q1"), to: Q("2025-Q4") };

let db: Db;
let seq = 0;
function order(accountId: number, at: number, amount: number) {
  seq += 1;
  return db
    .insert(orders)
    .values({ accountId, externalRef: `o-${seq}`, orderedAt: at, amount, margin: amount / 10, createdAt: at })
    .returning({ id: orders.id })
    .get().id;
}
function move(
  accountId: number,
  from: [Rung, AccountStatus] | null,
  to: [Rung, AccountStatus],
  at: number,
): void {
  recordLadderMove(db, {
    accountId,
    fromRung: from?.[0] ?? null,
    toRung: to[0],
    fromStatus: from?.[1] ?? null,
    toStatus: to[1],
    at,
    byUserId: null,
    reason: "t",
  });
}

// 2025, by quarter. Q4 has no activity at all.
//   A: first order Q1 (100), two in Q2 (50 + 30); first-time buyer → repeat in Q2.
//   B: Q1 (200), Q3 (80); lapses in Q3 (July) and is won back in September (→ repeat).
//   C: Q1 (40) and never again; marked lost in Q3 (August).
//   D: Q2 (60) only: a cohort with no later orders.
let ids: Record<"A" | "B" | "C" | "D", number>;
beforeEach(() => {
  db = createTestDb();
  const add = () => insertTestAccount(db, { ownerId: null, rung: "first_time" });
  ids = { A: add(), B: add(), C: add(), D: add() };
  const { A, B, C, D: Dd } = ids;
  // Out of order on purpose: A's later orders arrive first, so the rollup must move A's cohort back to Q1.
  order(A, D(2025, 4, 10), 50);
  order(A, D(2025, 4, 20), 30);
  order(A, D(2025, 1, 15), 100);
  order(B, D(2025, 2, 1), 200);
  order(B, D(2025, 9, 1), 80);
  order(C, D(2025, 3, 5), 40);
  order(Dd, D(2025, 5, 1), 60);
  move(A, null, ["first_time", "active"], D(2025, 1, 15));
  move(A, ["first_time", "active"], ["repeat", "active"], D(2025, 4, 10));
  move(B, null, ["first_time", "active"], D(2025, 2, 1));
  move(B, ["first_time", "active"], ["first_time", "lapsed"], D(2025, 7, 1));
  move(B, ["first_time", "lapsed"], ["repeat", "active"], D(2025, 9, 1));
  move(C, null, ["first_time", "active"], D(2025, 3, 5));
  move(C, ["first_time", "active"], ["first_time", "lost"], D(2025, 8, 1));
  move(Dd, null, ["first_time", "active"], D(2025, 5, 1));
});

describe("the range pickers", () => {
  it("start at the first period with an order or a ladder move", () => {
    expect(firstPeriod(db, "month")).toBe(parsePeriod("2025-01", "month"));
    expect(firstPeriod(db, "quarter")).toBe(Q("2025-Q1"));
    // A ladder move before any order counts too.
    move(
      insertTestAccount(db, { ownerId: null, rung: "suspect" }),
      null,
      ["prospect", "active"],
      D(2024, 11, 30),
    );
    expect(firstPeriod(db, "month")).toBe(parsePeriod("2024-11", "month"));
    expect(firstPeriod(db, "quarter")).toBe(Q("2024-Q4"));
  });

  it("have no first period on an empty database", () => {
    expect(firstPeriod(createTestDb(), "quarter")).toBeNull();
  });
});

describe("the cohort heatmap", () => {
  it("counts each cohort's accounts and revenue per later quarter, by hand", () => {
    const { cohorts } = cohortHeatmap(db, YEAR_2025);
    expect(cohorts.map((c) => [c.period, c.size, c.firstRevenue])).toEqual([
      [Q("2025-Q1"), 3, 340],
      [Q("2025-Q2"), 1, 60],
    ]);
    const [q1, q2] = cohorts;
    expect(q1?.cells.map((c) => c.active)).toEqual([3, 1, 1, 0]);
    expect(q1?.cells.map((c) => c.revenue)).toEqual([340, 80, 80, 0]);
    expect(q1?.cells[1]?.retention).toBeCloseTo(1 / 3);
    expect(q1?.cells[2]?.revenueRetention).toBeCloseTo(80 / 340);
    // Came back within k quarters: A in Q2 (k = 1), B in Q3 (k = 2), C never.
    expect(q1?.cells.map((c) => c.cameBack)).toEqual([0, 1, 2, 2]);
    expect(q1?.cells.map((c) => c.cameBackShare)).toEqual([null, 1 / 3, 2 / 3, 2 / 3]);
    // D's cohort: nobody ordered again.
    expect(q2?.cells.map((c) => c.active)).toEqual([1, 0, 0]);
    expect(q2?.cells.map((c) => c.cameBackShare)).toEqual([null, 0, 0]);
    expect(q2?.cells.map((c) => c.retention)).toEqual([1, 0, 0]);
  });

  it("agrees with the definition computed from the orders themselves", () => {
    const byAccount = new Map<number, Map<number, number>>();
    for (const o of db.select().from(orders).all()) {
      const m = byAccount.get(o.accountId) ?? new Map<number, number>();
      const p = periodIndex(o.orderedAt, "quarter");
      m.set(p, (m.get(p) ?? 0) + o.amount);
      byAccount.set(o.accountId, m);
    }
    const expected = cohortsByDefinition(
      [...byAccount].map(([accountId, revenueByPeriod]) => ({ accountId, revenueByPeriod })),
      YEAR_2025.to,
    );
    expect(cohortHeatmap(db, YEAR_2025).cohorts).toEqual(expected);
  });

  it("follows deleted and moved orders", () => {
    const onlyOrderOfD = db.select().from(orders).where(eq(orders.accountId, ids.D)).get();
    db.delete(orders)
      .where(eq(orders.id, onlyOrderOfD?.id ?? 0))
      .run();
    // B's Q1 order moves to Q2: B's cohort becomes Q2, and Q1 keeps A and C.
    db.update(orders)
      .set({ orderedAt: D(2025, 6, 1) })
      .where(eq(orders.amount, 200))
      .run();
    const { cohorts } = cohortHeatmap(db, YEAR_2025);
    expect(cohorts.map((c) => [c.period, c.size, c.firstRevenue])).toEqual([
      [Q("2025-Q1"), 2, 140],
      [Q("2025-Q2"), 1, 200],
    ]);
    const b = db
      .select()
      .from(accountPeriodActivity)
      .where(eq(accountPeriodActivity.accountId, ids.B))
      .all()
      .filter((r) => r.grain === 3);
    expect(b.map((r) => [r.period, r.cohort, r.prev])).toEqual([
      [Q("2025-Q2"), Q("2025-Q2"), null],
      [Q("2025-Q3"), Q("2025-Q2"), Q("2025-Q2")],
    ]);
  });
});

describe("the executive overview", () => {
  it("gives the range's figures against the range before, by hand", () => {
    const o = executiveOverview(db, { grain: "quarter", from: Q("2025-Q3"), to: Q("2025-Q4") });
    expect(o.range).toEqual({ grain: "quarter", from: "2025-Q3", to: "2025-Q4" });
    expect(o.previous).toEqual({ grain: "quarter", from: "2025-Q1", to: "2025-Q2" });
    // Now: only B ordered (Q3, 80). Of the 2 accounts of Q2 none ordered in Q3; of B in Q3 none in Q4.
    // B lapsed and C was lost in Q3, out of 4 active customers at its start; B was won back.
    expect(o.current).toEqual({
      activeAccounts: 1,
      retention: 0,
      defectionRate: 0.5,
      winBacks: 1,
      revenue: 80,
      margin: 8,
      repeatRevenueShare: 1,
    });
    // Before: A, B, C, D ordered; of the 3 of Q1, A ordered in Q2; revenue 340 + 80 + 60, of which A's 80 in Q2
    // came from an account that had bought before. Nobody was active at the start of Q1: no defection rate.
    expect(o.prior).toMatchObject({ activeAccounts: 4, revenue: 480, margin: 48, defectionRate: null });
    expect(o.prior.retention).toBeCloseTo(1 / 3);
    expect(o.prior.repeatRevenueShare).toBeCloseTo(80 / 480);
    expect(o.changes.activeAccounts).toBeCloseTo(-0.75);
    expect(o.changes.retention).toBeCloseTo(-1);
    expect(o.changes.defectionRate).toBeNull();
  });

  it("lists every period, with zeros for a quarter with no activity", () => {
    const o = executiveOverview(db, YEAR_2025);
    expect(
      o.periods.map((p) => [p.label, p.activeAccounts, p.newAccounts, p.keptAccounts, p.activeAtStart]),
    ).toEqual([
      ["2025-Q1", 3, 3, 0, 0],
      ["2025-Q2", 2, 1, 1, 3],
      ["2025-Q3", 1, 0, 0, 4],
      ["2025-Q4", 0, 0, 0, 3],
    ]);
    const q4 = o.periods[3];
    expect(q4).toMatchObject({ revenue: 0, retention: 0, defectionRate: 0, repeatRevenueShare: null });
    expect(o.periods[0]?.retention).toBeNull();
  });

  it("counts months the same way", () => {
    const month = (label: string) => parsePeriod(label, "month");
    const o = executiveOverview(db, { grain: "month", from: month("2025-04"), to: month("2025-04") });
    // April: A ordered twice (one account), A had ordered in January, not March: not kept.
    expect(o.current).toMatchObject({ activeAccounts: 1, revenue: 80, retention: 0, repeatRevenueShare: 1 });
    expect(o.periods[0]).toMatchObject({ newAccounts: 0, keptAccounts: 0, orderedBefore: 1 });
  });
});

describe("the ladder over time", () => {
  it("rebuilds accounts per rung at each quarter's end from the history, and the moves per quarter", () => {
    const l = ladderOverTime(db, YEAR_2025);
    expect(l.stack.map((s) => [s.label, s.first_time, s.repeat, s.lapsed, s.lost])).toEqual([
      ["2025-Q1", 3, 0, 0, 0],
      ["2025-Q2", 3, 1, 0, 0],
      ["2025-Q3", 1, 2, 0, 1],
      ["2025-Q4", 1, 2, 0, 1],
    ]);
    expect(l.flows.map((f) => [f.label, f.up, f.down, f.off, f.wonBack])).toEqual([
      ["2025-Q1", 0, 0, 0, 0],
      ["2025-Q2", 1, 0, 0, 0],
      ["2025-Q3", 1, 0, 2, 1],
      ["2025-Q4", 0, 0, 0, 0],
    ]);
  });
});

// The overview's and the heatmap's rollups against the plain GROUP BY of account_period_activity they stand for
// (rows left at 0 accounts do not count): how many rows differ, either way.
function rollupDifferences(d: Db): number {
  return d.$client
    .prepare(
      `WITH prev_plain AS (
         SELECT grain, period, coalesce(prev, -1) AS prev, count(*) AS accounts, sum(revenue) AS revenue,
           sum(margin) AS margin
         FROM account_period_activity GROUP BY 1, 2, 3),
       prev_kept AS (SELECT grain, period, prev, accounts, revenue, margin FROM activity_by_prev WHERE accounts <> 0),
       cohort_plain AS (
         SELECT grain, cohort, period, count(*) AS accounts, sum(revenue) AS revenue,
           count(CASE WHEN prev = cohort THEN 1 END) AS returned
         FROM account_period_activity GROUP BY 1, 2, 3),
       cohort_kept AS (
         SELECT grain, cohort, period, accounts, revenue, returned FROM activity_by_cohort WHERE accounts <> 0)
       SELECT (SELECT count(*) FROM (SELECT * FROM prev_plain EXCEPT SELECT * FROM prev_kept))
            + (SELECT count(*) FROM (SELECT * FROM prev_kept EXCEPT SELECT * FROM prev_plain))
            + (SELECT count(*) FROM (SELECT * FROM cohort_plain EXCEPT SELECT * FROM cohort_kept))
            + (SELECT count(*) FROM (SELECT * FROM cohort_kept EXCEPT SELECT * FROM cohort_plain))
            + (SELECT count(*) FROM activity_by_prev WHERE accounts = 0 AND (revenue <> 0 OR margin <> 0))
            + (SELECT count(*) FROM activity_by_cohort WHERE accounts = 0 AND (revenue <> 0 OR returned <> 0))`,
    )
    .pluck()
    .get() as number;
}

describe("the overview's and the heatmap's sums", () => {
  it("equal the plain sums of the activity rows on the hand-built company", () => {
    expect(db.$client.prepare("SELECT count(*) FROM activity_by_prev").pluck().get()).toBeGreaterThan(0);
    expect(rollupDifferences(db)).toBe(0);
  });

  it("follow later orders: added, deleted, moved to another quarter, changed in amount, imported from before", () => {
    const before = executiveOverview(db, YEAR_2025);
    // A new account's first order in Q4, and a second Q4 order of A (kept? A last ordered in Q2: no).
    const E = insertTestAccount(db, { ownerId: null, rung: "first_time" });
    order(E, D(2025, 11, 3), 70);
    order(ids.A, D(2025, 12, 1), 25);
    expect(rollupDifferences(db)).toBe(0);
    const after = executiveOverview(db, YEAR_2025);
    expect(after.periods[3]).toMatchObject({
      activeAccounts: 2,
      newAccounts: 1,
      keptAccounts: 0,
      revenue: 95,
    });
    expect(after.periods[3]?.repeatRevenue).toBe(25);
    expect(after.current.activeAccounts).toBe(before.current.activeAccounts + 1);
    // B's Q1 order moves to Q2, D's only order goes, C's order doubles, and an old order of C arrives for 2024.
    db.update(orders)
      .set({ orderedAt: D(2025, 6, 1) })
      .where(eq(orders.amount, 200))
      .run();
    db.delete(orders).where(eq(orders.accountId, ids.D)).run();
    db.update(orders).set({ amount: 80, margin: 8 }).where(eq(orders.accountId, ids.C)).run();
    order(ids.C, D(2024, 12, 20), 10);
    expect(rollupDifferences(db)).toBe(0);
    const o = executiveOverview(db, YEAR_2025);
    // Q1: A (100, new) and C (80, kept: it ordered in 2024-Q4); Q2: A (80, kept) and B (200, new); Q3: B (kept).
    expect(
      o.periods.map((p) => [p.label, p.activeAccounts, p.newAccounts, p.keptAccounts, p.revenue]),
    ).toEqual([
      ["2025-Q1", 2, 1, 1, 180],
      ["2025-Q2", 2, 1, 1, 280],
      ["2025-Q3", 1, 0, 1, 80],
      ["2025-Q4", 2, 1, 0, 95],
    ]);
    const { cohorts } = cohortHeatmap(db, YEAR_2025);
    expect(cohorts.map((c) => [c.period, c.size, c.firstRevenue])).toEqual([
      [Q("2025-Q1"), 1, 100],
      [Q("2025-Q2"), 1, 200],
      [Q("2025-Q4"), 1, 70],
    ]);
  });

  it("follow a large batch whose activity rows are written set-wise (an import, the REST API)", () => {
    const E = insertTestAccount(db, { ownerId: null, rung: "suspect" });
    const at = [D(2024, 12, 1), D(2025, 2, 2), D(2025, 2, 9), D(2025, 8, 8), D(2026, 1, 5)];
    const batch: OrderToRecord[] = [ids.A, ids.B, ids.C, ids.D, E].flatMap((accountId, i) =>
      at.map((orderedAt, j) => ({
        accountId,
        externalRef: `batch-${i}-${j}`,
        orderedAt,
        amount: 1_000 * (i + 1) + j,
        margin: 100 * (i + 1),
        category: null,
      })),
    );
    inTransaction(db, (t) =>
      recordOrders(t, { orders: batch, asOf: D(2026, 2, 1), actorId: null, setWiseRollups: true }),
    );
    expect(rollupDifferences(db)).toBe(0);
  });

  it("agree with the plain sums after a demo company is seeded", async () => {
    const seeded = createTestDb();
    await seedDemo(seeded, { accounts: 120, seed: 7 });
    expect(rollupDifferences(seeded)).toBe(0);
  });
});

describe("the rollups the triggers keep", () => {
  it("agree with the orders and the accounts after a demo company is seeded", async () => {
    const seeded = createTestDb();
    await seedDemo(seeded, { accounts: 120, seed: 7 });
    const differences = seeded.$client
      .prepare(
        `WITH expected AS (
           SELECT account_id, grain, period,
             min(period) OVER (PARTITION BY account_id, grain ORDER BY period) AS cohort,
             lag(period) OVER (PARTITION BY account_id, grain ORDER BY period) AS prev, orders, revenue, margin
           FROM (SELECT o.account_id, g.grain,
                   (CAST(strftime('%Y', o.ordered_at / 1000, 'unixepoch') AS INTEGER) * 12
                     + CAST(strftime('%m', o.ordered_at / 1000, 'unixepoch') AS INTEGER) - 1) / g.grain AS period,
                   count(*) AS orders, sum(o.amount) AS revenue, sum(o.margin) AS margin
                 FROM orders o, (SELECT 1 AS grain UNION ALL SELECT 3 AS grain) g
                 GROUP BY o.account_id, g.grain, period))
         SELECT (SELECT count(*) FROM (SELECT * FROM expected EXCEPT SELECT * FROM account_period_activity))
              + (SELECT count(*) FROM (SELECT * FROM account_period_activity EXCEPT SELECT * FROM expected))`,
      )
      .pluck()
      .get();
    expect(differences).toBe(0);
    const bands = seeded.$client
      .prepare(
        "SELECT band, sum(delta) AS n FROM ladder_bands_monthly GROUP BY band HAVING n <> 0 ORDER BY band",
      )
      .all();
    const accountsNow = seeded.$client
      .prepare(
        "SELECT CASE WHEN status = 'active' THEN rung ELSE status END AS band, count(*) AS n FROM accounts GROUP BY band ORDER BY band",
      )
      .all();
    expect(bands).toEqual(accountsNow);
  });
});

describe("who sees the executive trends", () => {
  it("executives, sales leads and admins read them; account managers and service agents are refused", async () => {
    const range = { grain: "quarter" as const, from: "2025-Q1", to: "2025-Q4" };
    for (const role of ALL_ROLES) {
      const caller = callerFor(db, addUser(db, role)).executive;
      const calls = [caller.overview(range), caller.cohorts(range), caller.ladder(range)];
      for (const call of calls) {
        if (["executive", "sales_lead", "admin"].includes(role)) await expect(call).resolves.toBeTruthy();
        else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
  });

  it("refuses a range that is not one, with the field", async () => {
    const caller = callerFor(db, addUser(db, "executive")).executive;
    await expect(caller.cohorts({ grain: "quarter", from: "2025-13", to: "2025-Q4" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.overview({ grain: "month", from: "2025-06", to: "2025-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
