// The account guards every domain that writes on an account shares (accounts, contacts, orders, ladder,
// levels, activities, tasks, complaints): run inside the write's transaction, so the owner that was checked
// is the owner at the moment of the write.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { forbidden, notFound } from "../errors";
import { type Actor, canEditAccount } from "./permissions";

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

/** The whole account row, or NOT_FOUND; FORBIDDEN unless the actor may edit it (canEditAccount). */
export function requireEditableAccount(db: Db, actor: Actor, accountId: number) {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!account) throw notFound("Account");
  if (!canEditAccount(actor, account)) throw forbidden("You can only change accounts you own.");
  return account;
}
