// User administration: listing, creating, changing role and active flag. Every write is audited in its transaction.
import { TRPCError } from "@trpc/server";
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Locale, type Role, sessions, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, isUniqueViolation, notFound } from "../errors";
import { createUserWithPassword } from "./create-user";
import {
  ASSIGNABLE_ROLES,
  type CreateUserInput,
  type ListUsersInput,
  type UserCursor,
} from "./users.schemas";

export function setUserLocale(db: Db, userId: string, locale: Locale): void {
  inTransaction(db, (tx) => {
    const before = tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).get();
    // Choosing the language already saved is not a change: no write, no audit entry.
    if (before?.locale === locale) return;
    tx.update(users).set({ locale }).where(eq(users.id, userId)).run();
    recordAudit(tx, {
      actorId: userId,
      action: "user.set_locale",
      entity: "user",
      entityId: userId,
      before: before ?? null,
      after: { locale },
    });
  });
}

export type UserRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  locale: Locale;
  active: boolean;
};

const userColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  locale: users.locale,
  active: users.active,
};

/** LIKE pattern matching `q` anywhere, with LIKE's wildcards taken literally. */
function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Invited and not yet signed up: no credential password chosen. */
const invitedColumn = sql<number>`not exists (select 1 from auth_accounts a where a.user_id = "users"."id" and a.provider_id = 'credential' and a.password is not null)`;

/** Users by name (then id, so equal names page stably), keyset-paginated; search matches name or email. */
export function listUsers(
  db: Db,
  params: ListUsersInput,
): { items: Array<UserRow & { invited: boolean }>; nextCursor: UserCursor | null } {
  const filters = [];
  if (params.q) {
    const pattern = containsPattern(params.q);
    filters.push(
      or(
        sql`lower(${users.name}) like ${pattern} escape '\\'`,
        sql`${users.email} like ${pattern} escape '\\'`,
      ),
    );
  }
  if (params.role) filters.push(eq(users.role, params.role));
  if (params.active !== undefined) filters.push(eq(users.active, params.active));
  if (params.cursor) {
    const { name, id } = params.cursor;
    filters.push(or(gt(users.name, name), and(eq(users.name, name), gt(users.id, id))));
  }
  const rows = db
    .select({ ...userColumns, invited: invitedColumn })
    .from(users)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(users.name), asc(users.id))
    .limit(params.limit + 1)
    .all();
  const items = rows.slice(0, params.limit).map((r) => ({ ...r, invited: !!r.invited }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > params.limit && last ? { name: last.name, id: last.id } : null,
  };
}

const EMAIL_TAKEN = "A user with this email address already exists.";

/** Creates a user with an initial password. A second user with the same email is refused on the email field. */
export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<UserRow> {
  const exists = db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (exists) throw new FieldError("CONFLICT", { email: [EMAIL_TAKEN] });
  const after = {
    name: input.name,
    email: input.email,
    role: input.role,
    locale: input.locale,
    active: true,
  };
  try {
    const id = await createUserWithPassword(db, input, (tx, newId) =>
      // The password and its hash are deliberately not part of the audit entry.
      recordAudit(tx, { actorId: actor.id, action: "user.create", entity: "user", entityId: newId, after }),
    );
    return { id, ...after };
  } catch (error) {
    // Two admins creating the same email at once: the UNIQUE index decides, the form shows the same message.
    if (isUniqueViolation(error, "users.email")) throw new FieldError("CONFLICT", { email: [EMAIL_TAKEN] });
    throw error;
  }
}

function findUser(db: Db, id: string): UserRow {
  const row = db.select(userColumns).from(users).where(eq(users.id, id)).get();
  if (!row) throw notFound("User");
  return row;
}

/** Changes a user's role. Admins cannot demote themselves, so there is always an admin left to undo mistakes. */
export function setUserRole(db: Db, actor: Actor, input: { id: string; role: Role }): UserRow {
  if (input.id === actor.id && input.role !== "admin") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot change your own role." });
  }
  return inTransaction(db, (tx) => {
    const before = findUser(tx, input.id);
    if (before.role === input.role) return before;
    tx.update(users).set({ role: input.role }).where(eq(users.id, input.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: "user.set_role",
      entity: "user",
      entityId: input.id,
      before: { role: before.role },
      after: { role: input.role },
    });
    return { ...before, role: input.role };
  });
}

/**
 * Activates or deactivates a user. Deactivating also deletes their sessions, so they are signed out at once
 * (sign-in refuses inactive users, and the session lookup treats them as signed out as a second line).
 */
export function setUserActive(db: Db, actor: Actor, input: { id: string; active: boolean }): UserRow {
  if (input.id === actor.id && !input.active) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "You cannot deactivate yourself." });
  }
  return inTransaction(db, (tx) => {
    const before = findUser(tx, input.id);
    if (!input.active) tx.delete(sessions).where(eq(sessions.userId, input.id)).run();
    if (before.active === input.active) return before;
    tx.update(users).set({ active: input.active }).where(eq(users.id, input.id)).run();
    recordAudit(tx, {
      actorId: actor.id,
      action: input.active ? "user.activate" : "user.deactivate",
      entity: "user",
      entityId: input.id,
      before: { active: before.active },
      after: { active: input.active },
    });
    return { ...before, active: input.active };
  });
}

/** Active people who can own accounts or be given tasks, by name. */
export function listAssignableUsers(db: Db): Array<{ id: string; name: string; role: Role }> {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...ASSIGNABLE_ROLES])))
    .orderBy(asc(users.name), asc(users.id))
    .all();
}
