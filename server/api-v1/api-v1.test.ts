// The REST API through its real handler (Requests in, Responses out) on an in-memory database with real keys
// from better-auth's api-key plugin: scopes, key refusals, the idempotent order batch, accounts and contacts by
// reference, complaints, error codes with the field at fault, the body limit, and the audit under the key.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { accounts, auditLog, ladderMoves, orders } from "@/db/schema";
import { bodyLimitFor } from "../http/request-limits";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { createApiV1Handler } from "./api-v1.handler";
import { MAX_BATCH } from "./api-v1.schemas";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "test-only-secret-0123456789abcdef0123456789";
});

async function setup() {
  const db = createTestDb();
  const admin = addUser(db, "admin", "Ada Admin");
  const keys = callerFor(db, admin).apiKeys;
  const handler = createApiV1Handler({ getDb: () => db });
  const key = async (scopes: ("read" | "orders" | "accounts" | "complaints")[], name = "Shop") =>
    (await keys.create({ name, scopes, requestsPerMinute: 10_000 })).secret;
  const call = async (method: string, path: string, secret: string | null, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await handler(
      new Request(`http://localhost/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };
  return { db, admin, keys, key, call, handler };
}

const order = (n: number, accountRef = "ERP-1", extra: Record<string, unknown> = {}) => ({
  accountRef,
  externalRef: `SO-${n}`,
  orderedAt: `2026-03-0${(n % 9) + 1}`,
  amount: 10_000 + n,
  margin: 2_000,
  category: "Parts",
  ...extra,
});

describe("REST API keys and scopes", () => {
  it("refuses a request without a key, with an unknown, revoked or expired key (401, each its own code)", async () => {
    const { call, keys } = await setup();
    expect(await call("GET", "/accounts/ERP-1", null)).toMatchObject({
      status: 401,
      json: { error: { code: "missing_api_key" } },
    });
    expect((await call("GET", "/accounts/ERP-1", "lcrm_nope")).json.error.code).toBe("invalid_api_key");
    const revoked = await keys.create({ name: "Old", scopes: ["read"] });
    await keys.revoke({ id: revoked.id });
    const r = await call("GET", "/accounts/ERP-1", revoked.secret);
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe("revoked_api_key");
    expect(r.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("an expired key gets 401 expired_api_key", async () => {
    const { db, keys } = await setup();
    const k = await keys.create({ name: "Trial", scopes: ["read"], expiresInDays: 1 });
    const later = createApiV1Handler({ getDb: () => db, now: () => Date.now() + 2 * 86_400_000 });
    const res = await later(
      new Request("http://localhost/api/v1/accounts/ERP-1", {
        headers: { authorization: `Bearer ${k.secret}` },
      }),
    );
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("expired_api_key");
  });

  it("a read key cannot write (403 insufficient_scope) and nothing is written", async () => {
    const { call, key, db } = await setup();
    const read = await key(["read"]);
    const r = await call("PUT", "/accounts/ERP-1", read, { name: "Acme" });
    expect(r).toMatchObject({ status: 403, json: { error: { code: "insufficient_scope" } } });
    const o = await call("POST", "/orders", read, { orders: [order(1)] });
    expect(o.status).toBe(403);
    expect(db.select().from(accounts).all()).toHaveLength(0);
    // An orders-only key cannot read.
    expect((await call("GET", "/accounts/ERP-1", await key(["orders"]))).status).toBe(403);
  });

  it("a key over its rate limit gets 429 with Retry-After; another key is unaffected", async () => {
    const { call, keys, key } = await setup();
    const slow = (await keys.create({ name: "Slow", scopes: ["read"], requestsPerMinute: 2 })).secret;
    expect((await call("GET", "/accounts/X", slow)).status).toBe(404);
    expect((await call("GET", "/accounts/X", slow)).status).toBe(404);
    const third = await call("GET", "/accounts/X", slow);
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe("rate_limited");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("GET", "/accounts/X", await key(["read"]))).status).toBe(404);
  });
});

describe("REST API orders", () => {
  it("the same batch twice: first created, then unchanged per order, and the account is the same", async () => {
    const { call, key, db } = await setup();
    const secret = await key(["accounts", "orders", "read"]);
    expect((await call("PUT", "/accounts/ERP-1", secret, { name: "Acme 华东" })).status).toBe(201);
    const batch = { orders: [order(1), order(2)] };
    const first = await call("POST", "/orders", secret, batch);
    expect(first.status).toBe(200);
    expect(first.json.summary).toEqual({ created: 2, unchanged: 0, conflict: 0, account_not_found: 0 });
    expect(first.json.accounts).toEqual([{ accountRef: "ERP-1", rung: "repeat", status: "active" }]);
    const afterFirst = db.select().from(accounts).get();
    const movesAfterFirst = db.select().from(ladderMoves).all().length;

    const second = await call("POST", "/orders", secret, batch);
    expect(second.json.summary).toEqual({ created: 0, unchanged: 2, conflict: 0, account_not_found: 0 });
    expect(second.json.results.map((r: { status: string }) => r.status)).toEqual(["unchanged", "unchanged"]);
    expect(db.select().from(orders).all()).toHaveLength(2);
    expect(db.select().from(ladderMoves).all()).toHaveLength(movesAfterFirst);
    expect(db.select().from(accounts).get()).toEqual(afterFirst);

    const read = await call("GET", "/accounts/ERP-1", secret);
    expect(read.json).toMatchObject({
      ref: "ERP-1",
      name: "Acme 华东",
      rung: "repeat",
      status: "active",
      figures: { orderCount: 2, revenue: 20_003, margin: 4_000, lastOrderAt: "2026-03-03T00:00:00.000Z" },
    });
  });

  it("says per order what happened: conflict names the fields, an unknown account is account_not_found", async () => {
    const { call, key } = await setup();
    const secret = await key(["accounts", "orders"]);
    await call("PUT", "/accounts/ERP-1", secret, { name: "Acme" });
    await call("POST", "/orders", secret, { orders: [order(1)] });
    const r = await call("POST", "/orders", secret, {
      orders: [order(1, "ERP-1", { amount: 99_999 }), order(2, "NOPE"), order(3)],
    });
    expect(r.json.results).toEqual([
      expect.objectContaining({ externalRef: "SO-1", status: "conflict", fields: ["amount"] }),
      { accountRef: "NOPE", externalRef: "SO-2", status: "account_not_found" },
      expect.objectContaining({ externalRef: "SO-3", status: "created", orderId: expect.any(Number) }),
    ]);
  });

  it("a bad order is a 422 naming the field; nothing of the batch is written", async () => {
    const { call, key, db } = await setup();
    const secret = await key(["accounts", "orders"]);
    await call("PUT", "/accounts/ERP-1", secret, { name: "Acme" });
    const r = await call("POST", "/orders", secret, {
      orders: [order(1), order(2, "ERP-1", { amount: 12.5 }), order(3, "ERP-1", { margin: 50_000 })],
    });
    expect(r.status).toBe(422);
    expect(r.json.error).toMatchObject({ code: "validation_failed", field: "orders[1].amount" });
    expect(r.json.error.details.map((d: { field: string }) => d.field)).toContain("orders[2].margin");
    const date = await call("POST", "/orders", secret, {
      orders: [order(1, "ERP-1", { orderedAt: "yesterday" })],
    });
    expect(date.json.error.field).toBe("orders[0].orderedAt");
    expect(db.select().from(orders).all()).toHaveLength(0);
  });

  it("a batch over 1,000 orders is a 422; broken JSON is 400; not JSON is 415; a body over the limit is 413", async () => {
    const { call, key } = await setup();
    const secret = await key(["orders"]);
    const many = Array.from({ length: MAX_BATCH + 1 }, (_, i) => order(i));
    const over = await call("POST", "/orders", secret, { orders: many });
    expect(over).toMatchObject({ status: 422, json: { error: { field: "orders" } } });
    expect((await call("POST", "/orders", secret, "{ not json")).json.error.code).toBe("invalid_json");
    const typed = await call("POST", "/orders", secret, undefined);
    expect(typed).toMatchObject({ status: 415, json: { error: { code: "unsupported_media_type" } } });
    const huge = `{"orders":[],"pad":"${"x".repeat(bodyLimitFor("/api/v1/orders"))}"}`;
    const big = await call("POST", "/orders", secret, huge);
    expect(big).toMatchObject({ status: 413, json: { error: { code: "payload_too_large" } } });
  });

  it("a full batch of 1,000 orders with long references fits the body limit and is recorded", async () => {
    const { call, key, db } = await setup();
    const secret = await key(["accounts", "orders"]);
    await call("PUT", "/accounts/ERP-1", secret, { name: "Acme" });
    const long = "R".repeat(90);
    const batch = {
      orders: Array.from({ length: MAX_BATCH }, (_, i) =>
        order(i, "ERP-1", { externalRef: `${long}-${i}`, category: "C".repeat(100) }),
      ),
    };
    expect(JSON.stringify(batch).length).toBeLessThan(bodyLimitFor("/api/v1/orders"));
    const r = await call("POST", "/orders", secret, batch);
    expect(r.status).toBe(200);
    expect(r.json.summary.created).toBe(MAX_BATCH);
    expect(db.select().from(orders).all()).toHaveLength(MAX_BATCH);
  });

  it("writes made with a key are in the audit log under the key's name", async () => {
    const { call, key, db } = await setup();
    const secret = await key(["accounts", "orders"], "Shopify");
    await call("PUT", "/accounts/ERP-1", secret, { name: "Acme" });
    await call("POST", "/orders", secret, { orders: [order(1)] });
    const rows = db
      .select({ action: auditLog.action, key: auditLog.apiKeyName })
      .from(auditLog)
      .where(and(eq(auditLog.apiKeyName, "Shopify")))
      .all();
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["account.create", "orders.upsert"]));
  });
});

describe("REST API accounts, contacts and complaints", () => {
  it("upserts an account and its contacts by reference; 201 then 200; a new account needs a name", async () => {
    const { call, key } = await setup();
    const secret = await key(["accounts", "read"]);
    const noName = await call("PUT", "/accounts/ERP-9", secret, { segment: "Retail" });
    expect(noName).toMatchObject({ status: 422, json: { error: { field: "name" } } });
    expect((await call("PUT", "/accounts/ERP-9", secret, { name: 'Wang & Co, "Ltd"' })).status).toBe(201);
    const upd = await call("PUT", "/accounts/ERP-9", secret, { segment: "Retail" });
    expect(upd).toMatchObject({
      status: 200,
      json: { name: 'Wang & Co, "Ltd"', segment: "Retail", rung: "suspect" },
    });
    const c = await call("PUT", "/accounts/ERP-9/contacts/C-1", secret, {
      name: "李明",
      email: "li@example.com",
    });
    expect(c).toMatchObject({ status: 201, json: { ref: "C-1", name: "李明", accountRef: "ERP-9" } });
    expect((await call("PUT", "/accounts/ERP-9/contacts/C-1", secret, { title: "Buyer" })).status).toBe(200);
    await call("PUT", "/accounts/ERP-10", secret, { name: "Other" });
    const taken = await call("PUT", "/accounts/ERP-10/contacts/C-1", secret, { name: "Someone" });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: "conflict", field: "externalRef" } } });
    const missing = await call("PUT", "/accounts/NOPE/contacts/C-2", secret, { name: "X" });
    expect(missing).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    const account = await call("GET", "/accounts/ERP-9", secret);
    expect(account.json.contacts).toEqual([
      { ref: "C-1", name: "李明", title: "Buyer", email: "li@example.com", phone: null },
    ]);
  });

  it("lists accounts changed since a time, page by page with a cursor", async () => {
    const { call, key } = await setup();
    const secret = await key(["accounts", "read"]);
    for (const n of [1, 2, 3]) await call("PUT", `/accounts/A-${n}`, secret, { name: `Account ${n}` });
    const page1 = await call("GET", "/accounts?changedSince=2020-01-01&limit=2", secret);
    expect(page1.json.items.map((a: { ref: string }) => a.ref)).toEqual(["A-1", "A-2"]);
    expect(page1.json.hasMore).toBe(true);
    const page2 = await call("GET", `/accounts?cursor=${page1.json.nextCursor}&limit=2`, secret);
    expect(page2.json.items.map((a: { ref: string }) => a.ref)).toEqual(["A-3"]);
    expect(page2.json.hasMore).toBe(false);
    expect((await call("GET", "/accounts", secret)).json.error.field).toBe("changedSince");
    expect((await call("GET", "/accounts?cursor=zzz", secret)).json.error.field).toBe("cursor");
  });

  it("records a complaint and reads its status; unknown references are 404 with the field", async () => {
    const { call, key } = await setup();
    const secret = await key(["accounts", "complaints"]);
    await call("PUT", "/accounts/ERP-1", secret, { name: "Acme" });
    const body = {
      accountRef: "ERP-1",
      channel: "email",
      category: "delivery",
      severity: "high",
      description: "Late",
    };
    const r = await call("POST", "/complaints", secret, body);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ status: "received", open: true, accountRef: "ERP-1", severity: "high" });
    expect(r.json.acknowledge.state).toBe("on_time");
    const read = await call("GET", `/complaints/${r.json.reference}`, secret);
    expect(read.json.reference).toBe(r.json.reference);
    expect((await call("GET", "/complaints/C-NOPE", secret)).status).toBe(404);
    const bad = await call("POST", "/complaints", secret, { ...body, accountRef: "NOPE" });
    expect(bad).toMatchObject({ status: 404, json: { error: { field: "accountRef" } } });
    const wrong = await call("POST", "/complaints", secret, { ...body, severity: "urgent" });
    expect(wrong).toMatchObject({ status: 422, json: { error: { field: "severity" } } });
  });

  it("unknown paths are 404 and wrong methods 405, as JSON", async () => {
    const { call } = await setup();
    expect(await call("GET", "/nothing", null)).toMatchObject({
      status: 404,
      json: { error: { code: "not_found" } },
    });
    const m = await call("DELETE", "/orders", null);
    expect(m.status).toBe(405);
    expect(m.headers.get("allow")).toBe("POST");
  });

  it("serves an OpenAPI 3.1 document naming every endpoint, its scope and its error answers", async () => {
    const { call } = await setup();
    const doc = await call("GET", "/openapi.json", null);
    expect(doc.status).toBe(200);
    expect(doc.json.openapi).toBe("3.1.0");
    expect(Object.keys(doc.json.paths)).toEqual(
      expect.arrayContaining([
        "/orders",
        "/accounts",
        "/accounts/{ref}",
        "/accounts/{ref}/contacts/{contactRef}",
        "/complaints",
        "/complaints/{reference}",
      ]),
    );
    expect(doc.json.paths["/orders"].post.responses["422"]).toBeDefined();
    expect(doc.json.components.schemas.OrderIn.properties.amount.type).toBe("integer");
  });
});
