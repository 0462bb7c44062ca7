import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { accounts, auditLog, ladderMoves, orders } from "@/db/schema";
import { insertAccount, invalidFields } from "../accounts/accounts.fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { orderFormSchema, orderFormToInput, toMinorUnits } from "./orders.schemas";

const DAY = 86_400_000;

function setup(fields: Partial<typeof accounts.$inferInsert> = {}) {
  const db = createTestDb();
  const manager = addUser(db, "account_manager");
  const id = insertAccount(db, { name: "Acme", ownerId: manager.id, ...fields });
  const caller = callerFor(db, manager);
  const account = () => db.select().from(accounts).where(eq(accounts.id, id)).get();
  const moves = () => db.select().from(ladderMoves).where(eq(ladderMoves.accountId, id)).all();
  return { db, manager, id, caller, account, moves };
}

// Orders placed within the last weeks, so lapse (365 days without an order) does not interfere.
const NOW = Date.UTC(2026, 5, 30, 12);
const ago = (days: number) => NOW - days * DAY;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe("orders", () => {
  it("a suspect's first order makes it a first-time buyer and a second a repeat customer, dated at the orders", async () => {
    const { id, caller, account, moves } = setup({
      rung: "suspect",
      rungSince: ago(90),
      statusSince: ago(90),
    });
    await caller.orders.create({
      accountId: id,
      externalRef: "SO-1",
      orderedAt: ago(20),
      amount: 100_00,
      margin: 30_00,
    });
    expect(account()).toMatchObject({
      rung: "first_time",
      rungSince: ago(20),
      orderCount: 1,
      revenue: 100_00,
      margin: 30_00,
      firstOrderAt: ago(20),
      lastOrderAt: ago(20),
    });
    // An older order arrives later: first order moves back, last order stays; two orders make a repeat
    // customer as of the second order by date.
    await caller.orders.create({
      accountId: id,
      externalRef: "SO-0",
      orderedAt: ago(40),
      amount: 50_00,
      margin: -5_00,
    });
    expect(account()).toMatchObject({
      rung: "repeat",
      orderCount: 2,
      revenue: 150_00,
      margin: 25_00,
      firstOrderAt: ago(40),
      lastOrderAt: ago(20),
    });
    const history = moves();
    expect(history.map((m) => [m.fromRung, m.toRung, m.byUserId, m.reason, (NOW - m.at) / DAY])).toEqual([
      ["suspect", "first_time", null, "order", 20],
      ["first_time", "repeat", null, "order", 20],
    ]);
    expect(JSON.parse(history[1]?.evidence ?? "{}")).toMatchObject({ externalRef: "SO-1", orderCount: 2 });
  });

  it("a prospect that already has an order goes straight to repeat with the next one", async () => {
    const { db, id, caller, account } = setup({ rung: "prospect" });
    db.insert(orders)
      .values({ accountId: id, orderedAt: ago(30), amount: 10, margin: 1, createdAt: NOW })
      .run();
    await caller.orders.create({ accountId: id, orderedAt: ago(2), amount: 5, margin: 1 });
    expect(account()).toMatchObject({ rung: "repeat", orderCount: 2, revenue: 15 });
  });

  it("an order never moves a client down, and writes no ladder move when nothing changes", async () => {
    const { id, caller, account, moves } = setup({ rung: "client" });
    await caller.orders.create({ accountId: id, orderedAt: ago(1), amount: 5, margin: 1 });
    expect(account()?.rung).toBe("client");
    expect(moves()).toHaveLength(0);
  });

  it("a lost customer who orders again is won back to active at the order, keeping the rung", async () => {
    const { id, caller, account, moves } = setup({
      rung: "repeat",
      status: "lost",
      statusSince: ago(60),
      lostReason: "competitor",
    });
    await caller.orders.create({ accountId: id, orderedAt: ago(3), amount: 5, margin: 1 });
    expect(account()).toMatchObject({
      rung: "repeat",
      status: "active",
      statusSince: ago(3),
      lostReason: null,
    });
    expect(moves().map((m) => [m.fromStatus, m.toStatus, m.fromRung, m.toRung, m.reason])).toEqual([
      ["lost", "active", "repeat", "repeat", "won_back"],
    ]);
  });

  it("an order from before the customer was lost, typed in late, does not win the account back", async () => {
    const { id, caller, account } = setup({ rung: "repeat", status: "lost", statusSince: ago(60) });
    await caller.orders.create({ accountId: id, orderedAt: ago(90), amount: 5, margin: 1 });
    expect(account()).toMatchObject({ status: "lost", orderCount: 1 });
  });

  it("an order from more than a lapse window ago leaves a new account lapsed, as the import would", async () => {
    const { id, caller, account } = setup({ rung: "suspect" });
    await caller.orders.create({ accountId: id, orderedAt: ago(400), amount: 5, margin: 1 });
    expect(account()).toMatchObject({ rung: "first_time", status: "lapsed", statusSince: ago(35) });
  });

  it("refuses a second order with the same reference on one account and changes nothing", async () => {
    const { db, id, caller, account, manager } = setup();
    await caller.orders.create({
      accountId: id,
      externalRef: "SO-1",
      orderedAt: DAY,
      amount: 100,
      margin: 10,
    });
    const before = account();
    await expect(
      caller.orders.create({ accountId: id, externalRef: "SO-1", orderedAt: DAY, amount: 100, margin: 10 }),
    ).rejects.toMatchObject({ code: "CONFLICT", fieldErrors: { externalRef: [expect.any(String)] } });
    expect(account()).toEqual(before);
    expect(db.select().from(orders).all()).toHaveLength(1);
    // The same reference on another account is a different order.
    const other = insertAccount(db, { name: "Other", ownerId: manager.id });
    await caller.orders.create({
      accountId: other,
      externalRef: "SO-1",
      orderedAt: DAY,
      amount: 1,
      margin: 0,
    });
  });

  it("audits each order", async () => {
    const { db, id, caller } = setup();
    const { order } = await caller.orders.create({
      accountId: id,
      externalRef: "A",
      orderedAt: DAY,
      amount: 9,
      margin: 2,
    });
    const rows = db.select().from(auditLog).where(eq(auditLog.entity, "order")).all();
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([["order.create", String(order.id)]]);
  });

  it("rejects a negative amount or a margin above the amount with field messages", async () => {
    const { id, caller } = setup();
    await expect(
      caller.orders.create({ accountId: id, orderedAt: DAY, amount: -1, margin: 0 }),
    ).rejects.toSatisfy((e) => invalidFields(e).includes("amount"));
    await expect(
      caller.orders.create({ accountId: id, orderedAt: DAY, amount: 10, margin: 11 }),
    ).rejects.toSatisfy((e) => invalidFields(e).includes("margin"));
  });

  it("lists an account's orders newest first, page by page, with same-day orders in a stable order", async () => {
    const { id, caller } = setup();
    for (const [ref, day] of [
      ["a", 1],
      ["b", 3],
      ["c", 2],
      ["d", 3],
      ["e", 5],
    ] as const) {
      await caller.orders.create({
        accountId: id,
        externalRef: ref,
        orderedAt: day * DAY,
        amount: 1,
        margin: 0,
      });
    }
    const first = await caller.orders.listForAccount({ accountId: id, limit: 2 });
    const second = await caller.orders.listForAccount({ accountId: id, limit: 2, cursor: first.nextCursor });
    const third = await caller.orders.listForAccount({ accountId: id, limit: 2, cursor: second.nextCursor });
    expect([first, second, third].map((p) => p.items.map((o) => o.externalRef))).toEqual([
      ["e", "d"],
      ["b", "c"],
      ["a"],
    ]);
    expect(third.nextCursor).toBeNull();
  });
});

describe("order form conversion", () => {
  it("turns decimal currency into minor units without rounding errors", () => {
    expect(toMinorUnits("0.29")).toBe(29);
    expect(toMinorUnits("1234.5")).toBe(123_450);
    expect(toMinorUnits("7")).toBe(700);
    expect(toMinorUnits("-12.05")).toBe(-1205);
  });

  it("checks the form's fields and builds the procedure input", () => {
    const bad = orderFormSchema.safeParse({
      externalRef: "",
      orderedAt: "",
      amount: "12,50",
      margin: "20",
      category: "",
    });
    expect(bad.success).toBe(false);
    const over = orderFormSchema.safeParse({
      externalRef: "",
      orderedAt: "2024-03-01",
      amount: "10",
      margin: "10.01",
      category: "",
    });
    expect(over.error?.issues[0]?.path).toEqual(["margin"]);
    const ok = orderFormSchema.parse({
      externalRef: " SO-9 ",
      orderedAt: "2024-03-01",
      amount: "10.5",
      margin: "2",
      category: "",
    });
    expect(orderFormToInput(7, ok)).toEqual({
      accountId: 7,
      externalRef: "SO-9",
      orderedAt: Date.UTC(2024, 2, 1, 12),
      amount: 1050,
      margin: 200,
      category: null,
    });
  });
});
