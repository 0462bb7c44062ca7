// API keys on the real better-auth plugin over an in-memory database.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiKeys, auditLog, users } from "@/db/schema";
import { fieldErrorsOf } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { authenticateApiKey, LAST_USE_EVERY_MS } from "./api-keys.queries";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "test-only-secret-0123456789abcdef0123456789";
});

function setup() {
  const db = createTestDb();
  const admin = addUser(db, "admin", "Ada Admin");
  return { db, admin, caller: callerFor(db, admin).apiKeys };
}

describe("API keys", () => {
  it("an admin creates a key, sees its secret once, and the list shows name, scopes and no secret", async () => {
    const { db, caller } = setup();
    const created = await caller.create({ name: "Shop", scopes: ["read", "orders"], requestsPerMinute: 120 });
    expect(created.secret).toMatch(/^lcrm_\w{20,}/);
    const [listed] = await caller.list();
    expect(listed).toMatchObject({
      id: created.id,
      name: "Shop",
      scopes: ["read", "orders"],
      state: "active",
      requestsPerMinute: 120,
      createdByName: "Ada Admin",
      expiresAt: null,
      lastUsedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    // Stored hashed: the secret is nowhere in the table.
    const row = db.select().from(apiKeys).get();
    expect(row?.key).not.toBe(created.secret);
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(12));
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "api_key.create")).all();
    expect(audit).toHaveLength(1);
  });

  it("a key authenticates with its scopes and records its last use", async () => {
    const { db, admin, caller } = setup();
    const { secret } = await caller.create({ name: "ERP", scopes: ["accounts"] });
    const result = await authenticateApiKey(db, secret);
    expect(result).toMatchObject({
      ok: true,
      caller: { keyName: "ERP", scopes: ["accounts"], actor: { id: admin.id, role: "admin" } },
    });
    const [listed] = await caller.list();
    expect(listed?.lastUsedAt).toEqual(expect.any(Number));
  });

  it("records the last use at most once a minute, so a busy key does not write on every request", async () => {
    const { db, caller } = setup();
    const { id, secret } = await caller.create({ name: "Busy", scopes: ["orders"] });
    const t0 = Date.now();
    const lastUse = async () => (await caller.list()).find((k) => k.id === id)?.lastUsedAt;
    expect((await authenticateApiKey(db, secret, t0)).ok).toBe(true);
    expect(await lastUse()).toBe(t0);
    expect((await authenticateApiKey(db, secret, t0 + 30_000)).ok).toBe(true);
    expect((await authenticateApiKey(db, secret, t0 + LAST_USE_EVERY_MS - 1)).ok).toBe(true);
    expect(await lastUse()).toBe(t0);
    expect((await authenticateApiKey(db, secret, t0 + LAST_USE_EVERY_MS)).ok).toBe(true);
    expect(await lastUse()).toBe(t0 + LAST_USE_EVERY_MS);
  });

  it("unknown, revoked and expired keys are refused, and so is a key whose admin was deactivated", async () => {
    const { db, admin, caller } = setup();
    expect(await authenticateApiKey(db, null)).toMatchObject({ ok: false, reason: "missing" });
    expect(await authenticateApiKey(db, "lcrm_not-a-key")).toMatchObject({ ok: false, reason: "invalid" });

    const revoked = await caller.create({ name: "Old", scopes: ["read"] });
    await caller.revoke({ id: revoked.id });
    expect(await authenticateApiKey(db, revoked.secret)).toMatchObject({ ok: false, reason: "revoked" });
    expect((await caller.list()).find((k) => k.id === revoked.id)?.state).toBe("revoked");

    const expiring = await caller.create({ name: "Trial", scopes: ["read"], expiresInDays: 1 });
    expect(await authenticateApiKey(db, expiring.secret, Date.now() + 2 * 86_400_000)).toMatchObject({
      ok: false,
      reason: "expired",
    });

    const kept = await caller.create({ name: "Kept", scopes: ["read"] });
    db.update(users).set({ active: false }).where(eq(users.id, admin.id)).run();
    expect(await authenticateApiKey(db, kept.secret)).toMatchObject({ ok: false, reason: "owner_inactive" });
  });

  it("a key is rate-limited on its own", async () => {
    const { db, caller } = setup();
    const slow = await caller.create({ name: "Slow", scopes: ["read"], requestsPerMinute: 2 });
    const other = await caller.create({ name: "Other", scopes: ["read"], requestsPerMinute: 2 });
    expect((await authenticateApiKey(db, slow.secret)).ok).toBe(true);
    expect((await authenticateApiKey(db, slow.secret)).ok).toBe(true);
    const third = await authenticateApiKey(db, slow.secret);
    expect(third).toMatchObject({ ok: false, reason: "rate_limited", retryAfterMs: expect.any(Number) });
    expect((await authenticateApiKey(db, other.secret)).ok).toBe(true);
    // Once the window has passed, the key is let through again.
    expect((await authenticateApiKey(db, slow.secret, Date.now() + 60_001)).ok).toBe(true);
  });

  it("only admins manage keys, and a key needs a name and a scope", async () => {
    const db = createTestDb();
    for (const role of ALL_ROLES.filter((r) => r !== "admin")) {
      const c = callerFor(db, addUser(db, role)).apiKeys;
      await expect(c.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(c.create({ name: "x", scopes: ["read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = callerFor(db, addUser(db, "admin")).apiKeys;
    expect(await fieldErrorsOf(admin.create({ name: " ", scopes: [] }))).toMatchObject({
      name: ["required"],
      scopes: ["chooseScope"],
    });
  });
});
