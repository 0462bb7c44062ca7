import { describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { fieldErrorsOf, insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { measuredFigures } from "./whatif.queries";
import { DEFAULT_WHAT_IF } from "./whatif.rules";

describe("what-if scenarios", () => {
  it("executives, sales leads and admins save and list scenarios; others are refused", async () => {
    const db = createTestDb();
    for (const role of ALL_ROLES) {
      const c = callerFor(db, addUser(db, role));
      const call = c.executive.saveScenario({ name: `${role} plan`, inputs: DEFAULT_WHAT_IF });
      if (["executive", "sales_lead", "admin"].includes(role))
        await expect(call).resolves.toMatchObject({ id: expect.any(Number) });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const list = await callerFor(db, addUser(db, "executive")).executive.scenarios();
    expect(list.map((s) => s.name).sort()).toEqual(["admin plan", "executive plan", "sales_lead plan"]);
    expect(list[0]?.inputs).toEqual(DEFAULT_WHAT_IF);
  });

  it("refuses an outcome mix that does not add up to 100%, naming the field, and saves nothing", async () => {
    const db = createTestDb();
    const c = callerFor(db, addUser(db, "executive"));
    const errors = await fieldErrorsOf(
      c.executive.saveScenario({
        name: "Bad mix",
        inputs: { ...DEFAULT_WHAT_IF, outcomeMix: { ...DEFAULT_WHAT_IF.outcomeMix, resolved: 0.9 } },
      }),
    );
    expect(errors.inputs).toBeDefined();
    expect(await c.executive.scenarios()).toEqual([]);
  });

  it("only the author or an admin deletes a scenario", async () => {
    const db = createTestDb();
    const author = callerFor(db, addUser(db, "executive"));
    const { id } = await author.executive.saveScenario({ name: "Hotline", inputs: DEFAULT_WHAT_IF });
    await expect(
      callerFor(db, addUser(db, "sales_lead")).executive.deleteScenario({ id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerFor(db, addUser(db, "admin")).executive.deleteScenario({ id });
    expect(await author.executive.scenarios()).toEqual([]);
  });

  it("measures customers and the value of a customer from the company's own data", () => {
    const db = createTestDb();
    const now = Date.UTC(2026, 10, 1);
    const a = insertTestAccount(db, { ownerId: null });
    const b = insertTestAccount(db, { ownerId: null });
    insertTestAccount(db, { ownerId: null });
    const day = 86_400_000;
    db.insert(orders)
      .values([
        { accountId: a, orderedAt: now - 10 * day, amount: 30_000, margin: 1, createdAt: now },
        { accountId: a, orderedAt: now - 20 * day, amount: 10_000, margin: 1, createdAt: now },
        { accountId: b, orderedAt: now - 100 * day, amount: 20_000, margin: 1, createdAt: now },
        { accountId: b, orderedAt: now - 400 * day, amount: 99_999, margin: 1, createdAt: now }, // older than a year
      ])
      .run();
    // 3 active accounts; last 12 months: 60,000 over 2 buyers → 30,000 per customer.
    expect(measuredFigures(db, now)).toEqual({ customers: 3, customerValue: 30_000, buyersLastYear: 2 });
  });
});
