// The better-auth instance for a database and the signed-in user for a request.
import { eq } from "drizzle-orm";
import { type Db, getDb } from "@/db/client";
import { type Locale, type Role, users } from "@/db/schema";
import { writeLockFree } from "@/db/write-wait";
import type { SessionUser } from "../context";
import { type Auth, createAuth } from "./auth";

// One instance per database handle: the process-wide file in the app, a fresh one per in-memory test database.
const instances = new WeakMap<Db, Auth>();

export function authFor(db: Db): Auth {
  let auth = instances.get(db);
  if (!auth) {
    auth = createAuth(db);
    instances.set(db, auth);
  }
  return auth;
}

export function getAuth(): Auth {
  return authFor(getDb());
}

/** The active user behind the request's session cookie, or null. */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  return findSessionUser(getAuth(), getDb(), headers);
}

/** getSessionUser on a given auth instance and database (tests pass an in-memory one). */
export async function findSessionUser(auth: Auth, db: Db, headers: Headers): Promise<SessionUser | null> {
  // A session a day old is extended as it is read (a write); while another connection (an import) holds the
  // write lock that can wait: the request is answered from the session as it stands.
  const session = await auth.api.getSession({
    headers,
    query: writeLockFree(db.$client) ? {} : { disableRefresh: true },
  });
  if (!session) return null;
  // Read role/active from the table, not the session payload, so a role change or deactivation applies at once.
  const row = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      locale: users.locale,
      active: users.active,
    })
    .from(users)
    .where(eq(users.id, session.user.id))
    .get();
  if (!row?.active) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    locale: row.locale as Locale,
  };
}
