import { describe, expect, it } from "vitest";
import { complaints, orders } from "@/db/schema";
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
    expect(measuredFigures(db, now)).toEqual({
      customers: 3,
      customerValue: 30_000,
      buyersLastYear: 2,
      complaints: { classified: 0, outcomeMix: null, repurchase: {} },
    });
  });

  it("measures today's outcome mix from the last 12 months' complaints, and no repurchase rate from a handful", () => {
    const db = createTestDb();
    const now = Date.UTC(2026, 10, 1);
    const hour = 3_600_000;
    const a = insertTestAccount(db, { ownerId: null });
    // Received 60 days ago, promised within 5 days: three confirmed in time (resolved quickly), one closed
    // without any acknowledgement (unacknowledged); one from two years ago does not count.
    const add = (n: number, receivedAt: number, over: Partial<typeof complaints.$inferInsert>) =>
      db
        .insert(complaints)
        .values({
          reference: `C-M-${n}`,
          accountId: a,
          channel: "phone",
          category: "delivery",
          severity: "medium",
          description: "late",
          department: "logistics",
          status: "closed",
          receivedAt,
          ackDueAt: receivedAt + 24 * hour,
          resolveDueAt: receivedAt + 120 * hour,
          createdAt: receivedAt,
          updatedAt: receivedAt,
          ...over,
        })
        .run();
    const r = now - 60 * 24 * hour;
    for (const n of [1, 2, 3])
      add(n, r, { acknowledgedAt: r + hour, resolvedAt: r + 48 * hour, closedAt: r + 49 * hour });
    add(4, r, { closedAt: r + 200 * hour });
    add(5, now - 730 * 24 * hour, { closedAt: now - 700 * 24 * hour });
    const measured = measuredFigures(db, now).complaints;
    expect(measured.classified).toBe(4);
    expect(measured.outcomeMix).toEqual({
      unacknowledged: 0.25,
      unresolved: 0,
      resolved: 0,
      resolved_quickly: 0.75,
    });
    expect(measured.repurchase).toEqual({});
  });
});
