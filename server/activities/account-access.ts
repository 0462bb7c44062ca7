// Reads the one fact every activity/task permission depends on: who owns the account.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "../auth/permissions";
import { forbidden, notFound } from "../errors";

export type AccountRef = { id: number; ownerId: string | null };

export function findAccountRef(db: Db, accountId: number): AccountRef | undefined {
  return db
    .select({ id: accounts.id, ownerId: accounts.ownerId })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .get();
}

/** The account, or NOT_FOUND; FORBIDDEN when `allowed` says the actor may not write on it. */
export function requireAccountFor(
  db: Db,
  accountId: number,
  actor: Actor,
  allowed: (actor: Actor, account: AccountRef) => boolean,
): AccountRef {
  const account = findAccountRef(db, accountId);
  if (!account) throw notFound("Account");
  if (!allowed(actor, account)) throw forbidden("You may not do this on another manager's account.");
  return account;
}

export function requireAccountExists(db: Db, accountId: number): AccountRef {
  const account = findAccountRef(db, accountId);
  if (!account) throw notFound("Account");
  return account;
}
