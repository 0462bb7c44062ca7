// The write-side guard shared by accounts, contacts and orders: run inside the write's transaction, so the
// owner that was checked is the owner at the moment of the write.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { type Actor, canEditAccount } from "../auth/permissions";
import { forbidden, notFound } from "../errors";

export function requireEditableAccount(db: Db, actor: Actor, accountId: number) {
  const account = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!account) throw notFound("Account");
  if (!canEditAccount(actor, account)) throw forbidden("You can only change accounts you own.");
  return account;
}
