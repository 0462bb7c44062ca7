// API keys (issue #15 §1): admins create them with a name, scopes, an optional expiry and a rate limit; the
// secret is returned once and stored only hashed by better-auth's api-key plugin; revoking disables the key
// (the row stays, so the list and the audit log keep its name). Creating and revoking are audited.
import { defaultKeyHasher } from "@better-auth/api-key";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { authFor } from "../auth/server";
import { notFound } from "../errors";
import { createRateLimiter, type RateLimiter } from "../security/rate-limiter";
import { type ApiKeyState, type ApiScope, scopesOf, stateOf } from "./api-keys.rules";
import type { createApiKeyInput } from "./api-keys.schemas";

const MINUTE = 60_000;

export type ApiKeyListItem = {
  id: string;
  name: string;
  /** The first characters of the key ("lcrm_a1b2c3"), to tell keys apart. */
  start: string | null;
  scopes: ApiScope[];
  state: ApiKeyState;
  requestsPerMinute: number | null;
  createdAt: number;
  createdByName: string | null;
  expiresAt: number | null;
  lastUsedAt: number | null;
};

export function listApiKeys(db: Db, now = Date.now()): ApiKeyListItem[] {
  return db
    .select({ key: apiKeys, createdByName: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.referenceId))
    .orderBy(desc(apiKeys.createdAt))
    .limit(500)
    .all()
    .map(({ key, createdByName }) => ({
      id: key.id,
      name: key.name ?? "",
      start: key.start,
      scopes: scopesOf(key.permissions),
      state: stateOf(key, now),
      requestsPerMinute:
        key.rateLimitEnabled && key.rateLimitMax && key.rateLimitTimeWindow
          ? Math.round((key.rateLimitMax * MINUTE) / key.rateLimitTimeWindow)
          : null,
      createdAt: key.createdAt.getTime(),
      createdByName,
      expiresAt: key.expiresAt?.getTime() ?? null,
      lastUsedAt: key.lastRequest?.getTime() ?? null,
    }));
}

/** Creates a key for the admin; the only time the secret is returned. */
export async function createApiKey(
  db: Db,
  actor: Actor,
  input: ReturnType<typeof createApiKeyInput.parse>,
): Promise<{ id: string; name: string; secret: string; start: string | null }> {
  const created = await authFor(db).api.createApiKey({
    body: {
      name: input.name,
      userId: actor.id,
      permissions: { api: [...input.scopes] },
      expiresIn: input.expiresInDays ? input.expiresInDays * 86_400 : null,
      rateLimitEnabled: true,
      rateLimitMax: input.requestsPerMinute,
      rateLimitTimeWindow: MINUTE,
    },
  });
  recordAudit(db, {
    actorId: actor.id,
    action: "api_key.create",
    entity: "api_key",
    entityId: created.id,
    after: {
      name: input.name,
      scopes: input.scopes.join(", "),
      expiresAt: created.expiresAt ? new Date(created.expiresAt).getTime() : null,
      requestsPerMinute: input.requestsPerMinute,
    },
  });
  return { id: created.id, name: input.name, secret: created.key, start: created.start ?? null };
}

export function revokeApiKey(db: Db, actor: Actor, id: string, now = Date.now()): { id: string } {
  return inTransaction(db, (t) => {
    const key = t.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
    if (!key) throw notFound("API key");
    if (key.enabled === false) return { id };
    t.update(apiKeys)
      .set({ enabled: false, updatedAt: new Date(now) })
      .where(eq(apiKeys.id, id))
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "api_key.revoke",
      entity: "api_key",
      entityId: id,
      before: { state: "active" },
      after: { state: "revoked" },
      at: now,
    });
    return { id };
  });
}

/** The key behind a REST request: who it acts as, and which scopes it has. */
export type ApiCaller = { keyId: string; keyName: string; scopes: ApiScope[]; actor: Actor };

export type ApiKeyRefusal =
  | { reason: "missing" | "invalid" | "revoked" | "expired" | "owner_inactive" }
  | { reason: "rate_limited"; retryAfterMs: number };

/** A key's last use is written at most this often (the list shows it to the minute). */
export const LAST_USE_EVERY_MS = MINUTE;

// The keys' rate limits, in memory (one server process): one limiter per distinct limit, counting per key id.
// The plugin's verifyApiKey kept them in the key's row — three writes for every request, a third of a single
// order's time (issue #15 §4) — so requests no longer go through it.
const limiters = new Map<string, RateLimiter>();
function limitFor(key: typeof apiKeys.$inferSelect): RateLimiter | null {
  if (!key.rateLimitEnabled || !key.rateLimitMax || !key.rateLimitTimeWindow) return null;
  const id = `${key.rateLimitMax}/${key.rateLimitTimeWindow}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = createRateLimiter({ max: key.rateLimitMax, windowMs: key.rateLimitTimeWindow });
    limiters.set(id, limiter);
  }
  return limiter;
}

/**
 * Checks a key sent with a request. Revoked, expired and unknown keys are told apart (all 401); a key whose
 * admin was deactivated or is no longer an admin stops working. Then the request counts against the key's own
 * rate limit (in memory), and its last use is recorded when the stored one is a minute old or more.
 */
export async function authenticateApiKey(
  db: Db,
  secret: string | null,
  now = Date.now(),
): Promise<{ ok: true; caller: ApiCaller } | ({ ok: false } & ApiKeyRefusal)> {
  if (!secret) return { ok: false, reason: "missing" };
  if (secret.length > 200) return { ok: false, reason: "invalid" };
  const hashed = await defaultKeyHasher(secret);
  const row = db
    .select({ key: apiKeys, ownerRole: users.role, ownerActive: users.active })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.referenceId))
    .where(eq(apiKeys.key, hashed))
    .get();
  if (!row) return { ok: false, reason: "invalid" };
  const state = stateOf(row.key, now);
  if (state !== "active") return { ok: false, reason: state };
  if (!row.ownerActive || row.ownerRole !== "admin") return { ok: false, reason: "owner_inactive" };
  const limit = limitFor(row.key)?.hit(row.key.id, now);
  if (limit && !limit.ok) return { ok: false, reason: "rate_limited", retryAfterMs: limit.retryAfterMs };
  const lastUse = row.key.lastRequest?.getTime();
  if (lastUse === undefined || now - lastUse >= LAST_USE_EVERY_MS)
    db.update(apiKeys)
      .set({ lastRequest: new Date(now) })
      .where(eq(apiKeys.id, row.key.id))
      .run();
  return {
    ok: true,
    caller: {
      keyId: row.key.id,
      keyName: row.key.name ?? "",
      scopes: scopesOf(row.key.permissions),
      actor: { id: row.key.referenceId, role: "admin" },
    },
  };
}
