import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, LEVELS } from "@/db/schema";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { levelGap } from "./level.rules";
import { addOrder, DAY, makeAccount, NOW } from "./levels.fixtures";
import { recomputeRecommendedLevels } from "./recommend.queries";

describe("the levels list ranks mismatches by what is at stake", () => {
  it("the stored gap agrees with the rule for every pair of levels", () => {
    const db = createTestDb();
    for (const practised of LEVELS) {
      for (const recommended of LEVELS) {
        const id = makeAccount(db, { level: practised });
        db.update(accounts)
          .set({ recommendedLevel: recommended, yearlyMargin: 1_000 })
          .where(sql`id = ${id}`)
          .run();
        const row = db.get<{ gap: number; stake: number }>(
          sql`SELECT level_gap AS gap, level_stake AS stake FROM accounts WHERE id = ${id}`,
        );
        expect(row).toEqual({
          gap: levelGap(practised, recommended),
          stake: 1_000 * levelGap(practised, recommended),
        });
      }
    }
  });

  it("orders by yearly margin × gap, counts per gap, and leaves out accounts without orders", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    const mia = addUser(db, "account_manager");
    // Each in a segment of its own (few customers). Margins of the last 12 months, in cents:
    // - Big: $5,000.00 at 50% → partnership recommended; practised reactive: 3 levels → $15,000.00 at stake.
    // - Steady: $9,000.00 at 20% → proactive; practised accountable: 1 level → $9,000.00.
    // - Small: $1,000.00 at 50% → partnership; practised accountable: 2 levels → $2,000.00.
    // - Fits: $2,000.00 at 5% → accountable; practised accountable: no mismatch.
    // - Suspect: no orders → no recommendation, practised basic: not listed.
    const spec = [
      ["Big", "reactive", 1_000_000, 500_000],
      ["Steady", "accountable", 4_500_000, 900_000],
      ["Small", "accountable", 200_000, 100_000],
      ["Fits", "accountable", 4_000_000, 200_000],
    ] as const;
    const ids: Record<string, number> = {};
    for (const [name, level, amount, margin] of spec) {
      ids[name] = makeAccount(db, { name, segment: name, level, ownerId: name === "Small" ? mia.id : null });
      addOrder(db, { accountId: ids[name] as number, at: NOW - 30 * DAY, amount, margin });
    }
    makeAccount(db, { name: "Suspect", segment: "Suspect", level: "basic" });
    recomputeRecommendedLevels(db, { asOf: NOW });

    const page = await callerFor(db, lead).levels.mismatches({ ownerId: "all", limit: 2 });
    expect(page.items.map((r) => [r.name, r.recommendedLevel, r.gap, r.yearlyMargin, r.stake])).toEqual([
      ["Big", "partnership", 3, 500_000, 1_500_000],
      ["Steady", "proactive", 1, 900_000, 900_000],
    ]);
    expect(page.counts).toEqual({ byGap: { 1: 1, 2: 1, 3: 1, 4: 0 }, total: 3 });
    const next = await callerFor(db, lead).levels.mismatches({
      ownerId: "all",
      limit: 2,
      cursor: page.nextCursor,
    });
    expect(next.items.map((r) => r.name)).toEqual(["Small"]);
    expect(next.nextCursor).toBeNull();

    const twoOff = await callerFor(db, lead).levels.mismatches({ ownerId: "all", gap: 2, limit: 10 });
    expect(twoOff.items.map((r) => r.name)).toEqual(["Small"]);
    // A manager starts on their own accounts, counts included.
    const own = await callerFor(db, mia).levels.mismatches({ limit: 10 });
    expect(own.items.map((r) => r.name)).toEqual(["Small"]);
    expect(own.counts).toEqual({ byGap: { 1: 0, 2: 1, 3: 0, 4: 0 }, total: 1 });

    // Setting the practised level to the recommendation takes the account off the list at once.
    await callerFor(db, lead).levels.setPractised({ accountId: ids.Big as number, level: "partnership" });
    const after = await callerFor(db, lead).levels.mismatches({ ownerId: "all", limit: 10 });
    expect(after.items.map((r) => r.name)).toEqual(["Steady", "Small"]);

    const card = await callerFor(db, lead).levels.forAccount({ accountId: ids.Small as number });
    expect(card).toMatchObject({ recommended: "partnership", gap: 2, direction: "under", stake: 200_000 });
  });

  it("refuses a gap outside 1–4 with a field message", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "sales_lead"));
    await expect(caller.levels.mismatches({ ownerId: "all", gap: 5 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
