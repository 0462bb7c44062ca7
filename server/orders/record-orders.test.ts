import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { accounts, ladderMoves, orders, tasks } from "@/db/schema";
import { insertAccount } from "../accounts/accounts.fixtures";
import { createApiV1Handler } from "../api-v1/api-v1.handler";
import { valueByRungAndLevel } from "../executive/value.queries";
import { runImport } from "../imports/import.queries";
import { ORDER_FILE_MAPPING } from "../imports/import.schemas";
import { addUser, callerFor, createTestDb } from "../test/harness";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 30, 12);
const ago = (days: number) => NOW - days * DAY;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

// Two customers the company already has (created 3 years ago): an accountable one with an owner, whose recent
// order owes a check-in call; and one whose orders are more than the lapse window apart.
const ORDERS = [
  { ref: "ACME", order: "SO-1", at: ago(1000), amount: 1200_00, margin: 300_00 },
  { ref: "ACME", order: "SO-2", at: ago(200), amount: 800_00, margin: 250_00 },
  { ref: "ACME", order: "SO-3", at: ago(3), amount: 450_50, margin: 90_10 },
  { ref: "ZHANG", order: "Z-1", at: ago(900), amount: 99_00, margin: 20_00 },
  { ref: "ZHANG", order: "Z-2", at: ago(100), amount: 120_00, margin: 30_00 },
].map((o) => ({ ...o, orderedAt: Date.parse(`${iso(o.at)}T00:00:00Z`) }));

function company(db: Db) {
  const lead = addUser(db, "sales_lead");
  const manager = addUser(db, "account_manager");
  const created = { rungSince: ago(1100), statusSince: ago(1100), createdAt: ago(1100) };
  const acme = insertAccount(db, {
    name: "Acme Trading",
    externalRef: "ACME",
    ownerId: manager.id,
    level: "accountable",
    rung: "prospect",
    ...created,
  });
  const zhang = insertAccount(db, { name: "张伟", kind: "person", externalRef: "ZHANG", ...created });
  return { lead, manager, ids: { ACME: acme, ZHANG: zhang } as Record<string, number> };
}

/**
 * Everything the orders touched, with user ids (different in each database) as role names: whoever recorded
 * the orders (the lead at the form or the import, the API key's admin) is "ACTOR".
 */
function stateOf(db: Db, people: ReturnType<typeof company>, actorId = people.lead.id) {
  const json = JSON.stringify(rowsOf(db))
    .replaceAll(actorId, "ACTOR")
    .replaceAll(people.manager.id, "MANAGER");
  return JSON.parse(json) as ReturnType<typeof rowsOf>;
}

function rowsOf(db: Db) {
  const strip = <T extends { id: number }>({ id: _id, ...rest }: T) => rest;
  return {
    accounts: db
      .select()
      .from(accounts)
      .orderBy(accounts.id)
      .all()
      .map(({ updatedAt: _u, ...a }) => a),
    orders: db.select().from(orders).orderBy(orders.accountId, orders.orderedAt).all().map(strip),
    moves: db
      .select()
      .from(ladderMoves)
      .orderBy(ladderMoves.accountId, ladderMoves.at, ladderMoves.id)
      .all()
      .map(strip)
      .map((m) => ({ ...m, evidence: JSON.parse(m.evidence ?? "null") })),
    tasks: db.select().from(tasks).orderBy(tasks.id).all().map(strip),
    // Lifetime value per rung and per level, as the executive page computes it from these accounts.
    value: valueByRungAndLevel(db, NOW),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "test-only-secret-0123456789abcdef0123456789";
});

describe("one way an order changes an account", () => {
  it("orders typed into the order form, imported from a CSV file and posted to the REST API leave the same accounts, history, tasks and lifetime value", async () => {
    const typed = createTestDb();
    const a = company(typed);
    const caller = callerFor(typed, a.lead);
    for (const o of ORDERS) {
      await caller.orders.create({
        accountId: a.ids[o.ref] as number,
        externalRef: o.order,
        orderedAt: o.orderedAt,
        amount: o.amount,
        margin: o.margin,
      });
    }

    const imported = createTestDb();
    const b = company(imported);
    const csv = [
      "Customer ID,Customer Name,Order ID,Order Date,Sales,Profit,Segment",
      ...ORDERS.map(
        (o) => `${o.ref},"${o.ref}",${o.order},${iso(o.orderedAt)},${o.amount / 100},${o.margin / 100},`,
      ),
    ].join("\n");
    const result = runImport(imported, b.lead, {
      fileName: "orders.csv",
      csv,
      mapping: ORDER_FILE_MAPPING,
      now: NOW,
    });
    expect(result.errors).toEqual([]);

    // The same orders from another system: POST /api/v1/orders with a key an admin made, in two batches (the
    // second sent twice, which changes nothing).
    const posted = createTestDb();
    const c = company(posted);
    const admin = addUser(posted, "admin");
    const { secret } = await callerFor(posted, admin).apiKeys.create({
      name: "Web shop",
      scopes: ["orders"],
      requestsPerMinute: 1_000,
    });
    const api = createApiV1Handler({ getDb: () => posted });
    const post = async (batch: typeof ORDERS) => {
      const res = await api(
        new Request("http://localhost/api/v1/orders", {
          method: "POST",
          headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
          body: JSON.stringify({
            orders: batch.map((o) => ({
              accountRef: o.ref,
              externalRef: o.order,
              orderedAt: iso(o.orderedAt),
              amount: o.amount,
              margin: o.margin,
            })),
          }),
        }),
      );
      expect(res.status).toBe(200);
      return (await res.json()).summary;
    };
    expect(await post(ORDERS.slice(0, 2))).toMatchObject({ created: 2 });
    expect(await post(ORDERS.slice(2))).toMatchObject({ created: 3 });
    expect(await post(ORDERS.slice(2))).toMatchObject({ created: 0, unchanged: 3 });

    const one = stateOf(typed, a);
    const two = stateOf(imported, b);
    const three = stateOf(posted, c, admin.id);
    for (const other of [two, three]) {
      expect(other.accounts).toEqual(one.accounts);
      expect(other.orders).toEqual(one.orders);
      expect(other.moves).toEqual(one.moves);
      expect(other.tasks).toEqual(one.tasks);
      expect(other.value).toEqual(one.value);
    }

    // And that state is the one the orders call for.
    const acme = typed
      .select()
      .from(accounts)
      .where(eq(accounts.id, a.ids.ACME as number))
      .get();
    expect(acme).toMatchObject({ rung: "repeat", status: "active", orderCount: 3, revenue: 2450_50 });
    expect(one.moves.map((m) => [m.accountId, m.toRung, m.toStatus, m.reason])).toEqual([
      [a.ids.ACME, "first_time", "active", "order"],
      [a.ids.ACME, "first_time", "lapsed", "lapsed"],
      [a.ids.ACME, "repeat", "active", "won_back"],
      [a.ids.ZHANG, "first_time", "active", "order"],
      [a.ids.ZHANG, "first_time", "lapsed", "lapsed"],
      [a.ids.ZHANG, "repeat", "active", "won_back"],
    ]);
    expect(one.tasks).toMatchObject([{ accountId: a.ids.ACME, kind: "cadence_checkin" }]);
    // Both repeat customers again; their lapses were more than 12 months ago, so no defection counts.
    expect(one.value.byRung.find((r) => r.group === "repeat")).toMatchObject({
      activeAccounts: 2,
      revenue: 2450_50 + 219_00,
      defections: 0,
    });
  });
});
