import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type AccountStatus, accounts, type Level, type Rung } from "@/db/schema";
import { recordLadderMove } from "../ladder/ladder.queries";
import { insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { valueByRungAndLevel } from "./value.queries";

const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const YEAR = 365 * DAY;

function account(
  db: Db,
  a: {
    rung: Rung;
    level: Level;
    status: AccountStatus;
    firstOrderAt: number;
    margin: number;
    revenue: number;
  },
) {
  const id = insertTestAccount(db, { ownerId: null, rung: a.rung });
  db.update(accounts)
    .set({
      level: a.level,
      status: a.status,
      firstOrderAt: a.firstOrderAt,
      margin: a.margin,
      revenue: a.revenue,
    })
    .where(eq(accounts.id, id))
    .run();
  return id;
}

function defect(db: Db, id: number, rung: Rung, to: "lapsed" | "lost", at: number) {
  recordLadderMove(db, {
    accountId: id,
    fromRung: rung,
    toRung: rung,
    fromStatus: "active",
    toStatus: to,
    at,
    byUserId: null,
    reason: "t",
  });
}

describe("lifetime value by rung and by level", () => {
  it("works out yearly margin, defection, expected lifetime and CLV per group (by hand)", () => {
    const db = createTestDb();
    account(db, {
      rung: "repeat",
      level: "accountable",
      status: "active",
      firstOrderAt: NOW - 3 * YEAR,
      margin: 30_000,
      revenue: 100_000,
    });
    account(db, {
      rung: "repeat",
      level: "reactive",
      status: "active",
      firstOrderAt: NOW - YEAR / 2,
      margin: 6_000,
      revenue: 20_000,
    });
    const c = account(db, {
      rung: "client",
      level: "proactive",
      status: "lapsed",
      firstOrderAt: NOW - 2 * YEAR,
      margin: 9_000,
      revenue: 40_000,
    });
    defect(db, c, "client", "lapsed", NOW - 30 * DAY);
    const e = account(db, {
      rung: "repeat",
      level: "reactive",
      status: "lost",
      firstOrderAt: NOW - 2 * YEAR,
      margin: 1_000,
      revenue: 5_000,
    });
    defect(db, e, "repeat", "lost", NOW - 100 * DAY);
    const old = account(db, {
      rung: "repeat",
      level: "reactive",
      status: "lost",
      firstOrderAt: NOW - 4 * YEAR,
      margin: 1,
      revenue: 1,
    });
    defect(db, old, "repeat", "lost", NOW - 2 * YEAR); // outside the last 12 months

    const { byRung, byLevel } = valueByRungAndLevel(db, NOW);
    const rung = (g: string) => byRung.find((r) => r.group === g);
    const level = (g: string) => byLevel.find((r) => r.group === g);
    // Repeat: 2 active; margin 36,000 over 3 + 1 (at least one) years = 9,000 a year; 1 defection → 1/3 a year;
    // lifetime 3 years → CLV 27,000.
    expect(rung("repeat")).toMatchObject({
      activeAccounts: 2,
      revenue: 120_000,
      yearlyMarginPerAccount: 9_000,
      defections: 1,
      expectedLifetimeYears: 3,
      lifetimeValue: 27_000,
    });
    expect(rung("repeat")?.yearlyDefectionRate).toBeCloseTo(1 / 3);
    // Client: nobody active, one defection → rate 1, lifetime 1 year, no margin.
    expect(rung("client")).toMatchObject({
      activeAccounts: 0,
      defections: 1,
      yearlyDefectionRate: 1,
      lifetimeValue: 0,
    });
    // A rung nobody is on: no rate, capped lifetime, nothing to value.
    expect(rung("partner")).toMatchObject({
      activeAccounts: 0,
      yearlyDefectionRate: null,
      expectedLifetimeYears: 10,
      lifetimeValue: 0,
    });
    // Accountable: 10,000 a year, nobody left → 10 years → 100,000. Reactive: 6,000, 1 of 2 left → 2 years → 12,000.
    expect(level("accountable")).toMatchObject({
      yearlyMarginPerAccount: 10_000,
      expectedLifetimeYears: 10,
      lifetimeValue: 100_000,
    });
    expect(level("reactive")).toMatchObject({
      activeAccounts: 1,
      defections: 1,
      yearlyDefectionRate: 0.5,
      lifetimeValue: 12_000,
    });
  });

  it("is for executives, sales leads and admins", async () => {
    const db = createTestDb();
    for (const role of ALL_ROLES) {
      const call = callerFor(db, addUser(db, role)).executive.value();
      if (["executive", "sales_lead", "admin"].includes(role))
        await expect(call).resolves.toHaveProperty("byRung");
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});
