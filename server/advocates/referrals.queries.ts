// Referrals (issue #13 §3): an account recorded as referred by another, on creation, later on its page, or on
// import (resolveReferrer + recordReferral are the hook an accounts import calls per row). The referrer's
// page lists whom it brought in and their revenue; a referral proposes the advocate move for the referrer.
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { type Actor, canEditAccount } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { proposeAdvocate } from "./advocates.queries";

function refuse(code: string, message: string): never {
  throw new FieldError("BAD_REQUEST", { referredByAccountId: [code] }, message);
}

/**
 * Sets (or clears, with null) who referred an account, inside the caller's transaction, without checking who
 * is asking: account creation and imports call it after their own checks. Refuses the account itself and a
 * referrer that was itself referred by this account. A new referrer may be proposed as an advocate.
 */
export function recordReferral(
  db: Db,
  p: { accountId: number; referrerId: number | null; actorId: string | null },
  now = Date.now(),
): { referrerId: number | null } {
  const account = db
    .select({ id: accounts.id, name: accounts.name, referredBy: accounts.referredByAccountId })
    .from(accounts)
    .where(eq(accounts.id, p.accountId))
    .get();
  if (!account) throw notFound("Account");
  if (account.referredBy === p.referrerId) return { referrerId: p.referrerId };
  if (p.referrerId !== null) {
    if (p.referrerId === p.accountId) refuse("self", "An account cannot refer itself.");
    const referrer = db
      .select({ id: accounts.id, referredBy: accounts.referredByAccountId })
      .from(accounts)
      .where(eq(accounts.id, p.referrerId))
      .get();
    if (!referrer) refuse("unknown", "Choose an existing account as the referrer.");
    if (referrer.referredBy === p.accountId) {
      refuse("circular", "This account referred the one you chose; a referral cannot go both ways.");
    }
  }
  db.update(accounts)
    .set({ referredByAccountId: p.referrerId, updatedAt: now })
    .where(eq(accounts.id, p.accountId))
    .run();
  recordAudit(db, {
    actorId: p.actorId,
    action: "account.referral",
    entity: "account",
    entityId: p.accountId,
    before: { referredByAccountId: account.referredBy },
    after: { referredByAccountId: p.referrerId },
    at: now,
  });
  if (p.referrerId !== null) {
    proposeAdvocate(
      db,
      {
        accountId: p.referrerId,
        evidence: { kind: "referral", referred: account.name, referredAccountId: account.id },
        observedAt: now,
        recordedById: p.actorId,
      },
      now,
    );
  }
  return { referrerId: p.referrerId };
}

/** "Referred by" on an account's page: whoever may edit the account. */
export function setReferrer(
  db: Db,
  actor: Actor,
  input: { accountId: number; referrerId: number | null },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const account = t
      .select({ ownerId: accounts.ownerId })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .get();
    if (!account) throw notFound("Account");
    if (!canEditAccount(actor, account)) throw forbidden("You can only change accounts you own.");
    return recordReferral(t, { ...input, actorId: actor.id }, now);
  });
}

/**
 * The import hook: an account named in a referrer column, by external reference first, then by exact name
 * when exactly one account has it; null when nothing or more than one account matches.
 */
export function resolveReferrer(db: Db, text: string): number | null {
  const value = text.trim();
  if (!value) return null;
  const byRef = db.select({ id: accounts.id }).from(accounts).where(eq(accounts.externalRef, value)).get();
  if (byRef) return byRef.id;
  const byName = db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.searchName, value.toLowerCase()))
    .limit(2)
    .all();
  return byName.length === 1 ? (byName[0]?.id ?? null) : null;
}

export const REFERRALS_SHOWN = 100;

/** Who referred this account, and whom it brought in (newest first) with their revenue and the totals. */
export function getReferrals(db: Db, accountId: number) {
  const account = db
    .select({ referredBy: accounts.referredByAccountId })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get();
  if (!account) throw notFound("Account");
  const referrer = account.referredBy
    ? (db
        .select({ id: accounts.id, name: accounts.name, rung: accounts.rung })
        .from(accounts)
        .where(eq(accounts.id, account.referredBy))
        .get() ?? null)
    : null;
  const brought = db
    .select({
      id: accounts.id,
      name: accounts.name,
      rung: accounts.rung,
      status: accounts.status,
      revenue: accounts.revenue,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(eq(accounts.referredByAccountId, accountId))
    .orderBy(desc(accounts.createdAt), asc(accounts.id))
    .limit(REFERRALS_SHOWN)
    .all();
  const totals = db.get<{ n: number; revenue: number | null; customers: number | null }>(
    sql`SELECT count(*) AS n, sum(revenue) AS revenue, sum(order_count > 0) AS customers
      FROM accounts WHERE referred_by_account_id = ${accountId}`,
  );
  return {
    referrer,
    brought,
    totals: { accounts: totals.n, revenue: totals.revenue ?? 0, customers: totals.customers ?? 0 },
  };
}
