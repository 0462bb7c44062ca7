// The account_totals rollup (migration 0024) stands in for passes over every account in lifetime value, the
// ladder report and everyone's ladder board: its answers must be the plain queries' answers, on a hand-built
// company and after every kind of later write (orders, lapses, moves, level changes, new and deleted accounts).
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type AccountStatus, accounts, type Level, type Rung } from "@/db/schema";
import { seedDemo } from "@/db/seed/seed";
import { inTransaction } from "@/db/transaction";
import { boardCounts } from "../ladder/board.queries";
import { recordLadderMove } from "../ladder/ladder.queries";
import { recordOrders } from "../orders/record-orders";
import { findRungTotals } from "../reports/ladder-report.queries";
import { insertTestAccount } from "../test/fixtures";
import { createTestDb } from "../test/harness";
import { activeAccountsBy, defectionsWithin, valueByRungAndLevel } from "./value.queries";

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const NOW = Date.UTC(2026, 10, 1, 9, 30);
const A_YEAR_AGO = NOW - YEAR;

/** Rows of the rollups that differ from the plain GROUP BY of accounts they stand for, either way. */
function differences(db: Db): number {
  return db.$client
    .prepare(
      `WITH plain AS (
         SELECT status, rung, level, coalesce(first_order_at / 2592000000, -1) AS bucket, count(*) AS n,
           sum(revenue) AS revenue, sum(margin) AS margin, coalesce(sum(first_order_at), 0) AS first_sum
         FROM accounts GROUP BY 1, 2, 3, 4),
       kept AS (
         SELECT status, rung, level, first_bucket, accounts, revenue, margin, first_sum
         FROM account_totals WHERE accounts <> 0),
       firsts AS (SELECT first_order_at, id FROM accounts WHERE first_order_at IS NOT NULL)
       SELECT (SELECT count(*) FROM (SELECT * FROM plain EXCEPT SELECT * FROM kept))
            + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM plain))
            + (SELECT count(*) FROM account_totals
                WHERE accounts = 0 AND (revenue <> 0 OR margin <> 0 OR first_sum <> 0))
            + (SELECT count(*) FROM (SELECT * FROM firsts EXCEPT SELECT * FROM account_first_orders))
            + (SELECT count(*) FROM (SELECT * FROM account_first_orders EXCEPT SELECT * FROM firsts))`,
    )
    .pluck()
    .get() as number;
}

/** Lifetime value's per-group sums as they were computed before the rollup: one pass over the accounts. */
function plainActiveGroups(db: Db, now: number) {
  return db.$client
    .prepare(
      `SELECT rung, level, count(*) AS n, coalesce(sum(revenue), 0) AS revenue, coalesce(sum(margin), 0) AS margin,
         coalesce(sum(max(1.0, (? - coalesce(first_order_at, ?)) / (? * 1.0))), 0) AS years
       FROM accounts WHERE status = 'active' GROUP BY rung, level ORDER BY rung, level`,
    )
    .all(now, now, YEAR) as {
    rung: string;
    level: string;
    n: number;
    revenue: number;
    margin: number;
    years: number;
  }[];
}

function expectSameAsPlain(db: Db, now = NOW) {
  expect(differences(db)).toBe(0);
  const fast = activeAccountsBy(db, now).sort((a, b) =>
    `${a.rung}|${a.level}` < `${b.rung}|${b.level}` ? -1 : 1,
  );
  const plain = plainActiveGroups(db, now);
  expect(fast.map(({ years: _y, ...g }) => g)).toEqual(plain.map(({ years: _y, ...g }) => g));
  fast.forEach((g, i) => {
    expect(g.years).toBeCloseTo(plain[i]?.years ?? Number.NaN, 9);
  });
  const rungs = db.$client
    .prepare(
      "SELECT rung, status, count(*) AS n, sum(revenue) AS revenue FROM accounts GROUP BY rung, status",
    )
    .all() as { rung: Rung; status: AccountStatus; n: number; revenue: number }[];
  for (const t of findRungTotals(db)) {
    const mine = rungs.filter((r) => r.rung === t.rung);
    expect(t.total).toBe(mine.reduce((s, r) => s + r.n, 0));
    expect(t.revenue).toBe(mine.reduce((s, r) => s + r.revenue, 0));
    for (const r of mine) expect(t.accounts[r.status]).toBe(r.n);
  }
  const columns = db.$client
    .prepare(
      "SELECT CASE WHEN status = 'active' THEN rung ELSE status END AS c, count(*) AS n FROM accounts GROUP BY c",
    )
    .all() as { c: string; n: number }[];
  expect(boardCounts(db, {})).toEqual(Object.fromEntries(columns.map((c) => [c.c, c.n])));
}

let db: Db;
const removeAccount = (id: number) => db.delete(accounts).where(eq(accounts.id, id)).run();
function account(a: {
  rung: Rung;
  level?: Level;
  status?: AccountStatus;
  firstOrderAt?: number | null;
  revenue?: number;
  margin?: number;
}) {
  const id = insertTestAccount(db, { ownerId: null, rung: a.rung });
  db.update(accounts)
    .set({
      level: a.level ?? "reactive",
      status: a.status ?? "active",
      firstOrderAt: a.firstOrderAt ?? null,
      revenue: a.revenue ?? 0,
      margin: a.margin ?? 0,
    })
    .where(eq(accounts.id, id))
    .run();
  return id;
}

// A company whose first orders fall on both sides of "a year ago", several inside the 30-day bucket that holds
// it (so the bucket's accounts are read one by one), one long ago, and accounts that never ordered.
let ids: Record<string, number>;
beforeEach(() => {
  db = createTestDb();
  ids = {
    old: account({
      rung: "client",
      level: "proactive",
      firstOrderAt: NOW - 3 * YEAR,
      revenue: 90_000,
      margin: 30_000,
    }),
    justOver: account({ rung: "repeat", firstOrderAt: A_YEAR_AGO - 5 * DAY, revenue: 20_000, margin: 4_000 }),
    exactly: account({ rung: "repeat", firstOrderAt: A_YEAR_AGO, revenue: 10_000, margin: 2_000 }),
    justUnder: account({ rung: "repeat", firstOrderAt: A_YEAR_AGO + 3 * DAY, revenue: 5_000, margin: 1_000 }),
    recent: account({
      rung: "first_time",
      level: "basic",
      firstOrderAt: NOW - 30 * DAY,
      revenue: 700,
      margin: 70,
    }),
    lapsed: account({
      rung: "repeat",
      status: "lapsed",
      firstOrderAt: NOW - 2 * YEAR,
      revenue: 3_000,
      margin: 300,
    }),
    prospect: account({ rung: "prospect" }),
    suspect: account({ rung: "suspect", level: "basic" }),
  };
});

describe("the accounts rollup behind lifetime value, the ladder report and the board", () => {
  it("gives the plain answers on the hand-built company", () => {
    expectSameAsPlain(db);
    // By hand, repeat / reactive (active): 3 accounts, years 1 + 5/365 (justOver), 1 (exactly), 1 (justUnder).
    const repeat = activeAccountsBy(db, NOW).find((g) => g.rung === "repeat" && g.level === "reactive");
    expect(repeat).toMatchObject({ n: 3, revenue: 35_000, margin: 7_000 });
    expect(repeat?.years).toBeCloseTo(3 + 5 / 365, 9);
    expect(valueByRungAndLevel(db, NOW).byRung.find((r) => r.group === "repeat")?.activeAccounts).toBe(3);
  });

  it("gives the same answers at any moment, as 'a year ago' moves across the buckets", () => {
    for (let days = -40; days <= 40; days += 7) expectSameAsPlain(db, NOW + days * DAY);
  });

  it("follows later writes: figures, first orders, lapses, moves, levels, new and deleted accounts", () => {
    db.update(accounts)
      .set({ revenue: 25_000, margin: 5_000 })
      .where(eq(accounts.id, ids.justOver as number))
      .run();
    expectSameAsPlain(db);
    // A first order moves within its bucket and into another; a prospect buys for the first time.
    db.update(accounts)
      .set({ firstOrderAt: A_YEAR_AGO - 1 })
      .where(eq(accounts.id, ids.justUnder as number))
      .run();
    db.update(accounts)
      .set({ firstOrderAt: NOW - 2 * YEAR })
      .where(eq(accounts.id, ids.exactly as number))
      .run();
    db.update(accounts)
      .set({ rung: "first_time", firstOrderAt: NOW - DAY, revenue: 900, margin: 90 })
      .where(eq(accounts.id, ids.prospect as number))
      .run();
    expectSameAsPlain(db);
    // A lapse, a win-back, a level change, a new account, a deleted one.
    db.update(accounts)
      .set({ status: "lapsed" })
      .where(eq(accounts.id, ids.old as number))
      .run();
    db.update(accounts)
      .set({ status: "active", rung: "client" })
      .where(eq(accounts.id, ids.lapsed as number))
      .run();
    db.update(accounts)
      .set({ level: "accountable" })
      .where(eq(accounts.id, ids.justOver as number))
      .run();
    account({ rung: "member", level: "partnership", firstOrderAt: A_YEAR_AGO + DAY, revenue: 1, margin: 1 });
    removeAccount(ids.suspect as number);
    removeAccount(ids.recent as number);
    expectSameAsPlain(db);
  });

  it("follows orders recorded the way the app, the import and the API record them", () => {
    const order = (accountId: number, ref: string, orderedAt: number) => ({
      accountId,
      externalRef: ref,
      orderedAt,
      amount: 1_234,
      margin: 123,
      category: null,
    });
    const fresh = insertTestAccount(db, { ownerId: null, rung: "prospect" });
    inTransaction(db, (t) =>
      recordOrders(t, {
        orders: [order(fresh, "o-1", NOW - 10 * DAY), order(ids.suspect as number, "o-2", A_YEAR_AGO - DAY)],
        asOf: NOW,
        actorId: null,
      }),
    );
    expectSameAsPlain(db);
    inTransaction(db, (t) =>
      recordOrders(t, {
        orders: [order(fresh, "o-3", NOW - 5 * DAY), order(ids.recent as number, "o-4", NOW - 2 * DAY)],
        asOf: NOW,
        actorId: null,
        setWiseRollups: true,
      }),
    );
    expectSameAsPlain(db);
  });

  it("gives the plain answers after a demo company is seeded", async () => {
    const seeded = createTestDb();
    await seedDemo(seeded, { accounts: 120, seed: 7 });
    db = seeded;
    expectSameAsPlain(seeded, Date.now());
  });
});

/** Defections in [from, to) by rung left and the account's level now, as lifetime value counted them before. */
function plainDefections(d: Db, from: number, to: number) {
  return d.$client
    .prepare(
      `SELECT m.from_rung AS rung, a.level AS level, count(*) AS n
       FROM ladder_moves m JOIN accounts a ON a.id = m.account_id
       WHERE m.at >= ? AND m.at < ? AND m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost')
       GROUP BY m.from_rung, a.level ORDER BY 1, 2`,
    )
    .all(from, to) as { rung: string | null; level: string; n: number }[];
}

function summed(rows: { rung: string | null; level: string; n: number }[]) {
  const by = new Map<string, { rung: string | null; level: string; n: number }>();
  for (const r of rows) {
    const key = `${r.rung}|${r.level}`;
    const t = by.get(key) ?? { rung: r.rung, level: r.level, n: 0 };
    t.n += r.n;
    by.set(key, t);
  }
  return [...by.values()]
    .filter((r) => r.n !== 0)
    .sort((a, b) => (`${a.rung}|${a.level}` < `${b.rung}|${b.level}` ? -1 : 1));
}

function expectDefectionsAsPlain(d: Db, now = NOW) {
  for (const at of [now, now + 3 * DAY, now - 4 * DAY, now + 200 * DAY]) {
    expect(summed(defectionsWithin(d, at - YEAR, at))).toEqual(summed(plainDefections(d, at - YEAR, at)));
  }
}

describe("the defections behind lifetime value", () => {
  function defect(id: number, from: Rung | null, to: "lapsed" | "lost", at: number) {
    recordLadderMove(db, {
      accountId: id,
      fromRung: from,
      toRung: from ?? "repeat",
      fromStatus: "active",
      toStatus: to,
      at,
      byUserId: null,
      reason: "t",
    });
  }

  beforeEach(() => {
    // Around both ends of the last 12 months (inside and outside), in the middle, and a move without a rung.
    defect(ids.old as number, "client", "lapsed", A_YEAR_AGO - 1);
    defect(ids.old as number, "client", "lost", A_YEAR_AGO);
    defect(ids.justOver as number, "repeat", "lapsed", A_YEAR_AGO + 2 * DAY);
    defect(ids.justUnder as number, "repeat", "lost", NOW - 90 * DAY);
    defect(ids.recent as number, "first_time", "lapsed", NOW - 1);
    defect(ids.lapsed as number, "repeat", "lapsed", NOW);
    defect(ids.exactly as number, null, "lapsed", NOW - 2 * DAY);
    // Not defections: a lapsed account lost, a win-back.
    recordLadderMove(db, {
      accountId: ids.lapsed as number,
      fromRung: "repeat",
      toRung: "repeat",
      fromStatus: "lapsed",
      toStatus: "lost",
      at: NOW - 10 * DAY,
      byUserId: null,
      reason: "t",
    });
  });

  it("counts the last 12 months as the moves themselves do, wherever the window falls", () => {
    expectDefectionsAsPlain(db);
    // By hand at NOW: old lost (client, proactive), justOver (repeat, reactive), justUnder (repeat, reactive),
    // recent (first_time, basic), exactly (no rung, reactive); not old's first (before) nor lapsed's (at NOW).
    expect(summed(defectionsWithin(db, NOW - YEAR, NOW))).toEqual([
      { rung: "client", level: "proactive", n: 1 },
      { rung: "first_time", level: "basic", n: 1 },
      { rung: null, level: "reactive", n: 1 },
      { rung: "repeat", level: "reactive", n: 2 },
    ]);
    const value = valueByRungAndLevel(db, NOW);
    expect(value.byRung.find((r) => r.group === "repeat")?.defections).toBe(2);
    expect(value.byLevel.find((r) => r.group === "reactive")?.defections).toBe(3);
  });

  it("follows level changes, new defections and deleted accounts", () => {
    db.update(accounts)
      .set({ level: "partnership" })
      .where(eq(accounts.id, ids.justOver as number))
      .run();
    db.update(accounts)
      .set({ level: "accountable" })
      .where(eq(accounts.id, ids.old as number))
      .run();
    expectDefectionsAsPlain(db);
    defect(ids.prospect as number, "prospect", "lost", NOW - 100 * DAY);
    removeAccount(ids.recent as number);
    removeAccount(ids.justUnder as number);
    expectDefectionsAsPlain(db);
    expect(summed(defectionsWithin(db, NOW - YEAR, NOW))).toEqual([
      { rung: "client", level: "accountable", n: 1 },
      { rung: null, level: "reactive", n: 1 },
      { rung: "prospect", level: "reactive", n: 1 },
      { rung: "repeat", level: "partnership", n: 1 },
    ]);
  });

  it("gives the plain answers after a demo company is seeded", async () => {
    const seeded = createTestDb();
    await seedDemo(seeded, { accounts: 120, seed: 7 });
    expectDefectionsAsPlain(seeded, Date.now());
  });
});
