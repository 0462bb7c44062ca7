import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { authAccounts, type Locale, type Role, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";

export type NewUser = {
  id?: string;
  name: string;
  email: string;
  role: Role;
  locale?: Locale;
  password: string;
};

/**
 * Creates a user with a credential (email + password) the way better-auth stores it:
 * a users row and an auth_accounts row with provider "credential" holding the scrypt hash.
 * `alsoInTransaction` runs inside the same transaction (the admin path records its audit entry there);
 * `beforeInsert` runs first in it and may throw to refuse (the set-up page checks no user exists yet).
 */
export async function createUserWithPassword(
  db: Db,
  input: NewUser,
  alsoInTransaction?: (tx: Db, id: string) => void,
  beforeInsert?: (tx: Db) => void,
): Promise<string> {
  const id = input.id ?? randomUUID();
  // Hashing is async (scrypt off the main thread), so it happens before the synchronous transaction.
  const hash = await hashPassword(input.password);
  const now = new Date();
  inTransaction(db, (tx) => {
    beforeInsert?.(tx);
    tx.insert(users)
      .values({
        id,
        name: input.name,
        email: input.email.toLowerCase(),
        emailVerified: true,
        role: input.role,
        locale: input.locale ?? "en",
        active: true,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    tx.insert(authAccounts)
      .values({
        id: randomUUID(),
        accountId: id,
        providerId: "credential",
        userId: id,
        password: hash,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    alsoInTransaction?.(tx, id);
  });
  return id;
}
