// Accounts as another system sees them (the REST API, issue #15 §2): found, created and updated by their
// external reference, read with their rung, level, status and figures, and listed by last change. Writes go
// through createAccount/updateAccount, the functions behind the account form.
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountStatus, accounts, contacts, type Level, type Rung, users } from "@/db/schema";
import { ACCOUNT_CREATORS, type Actor } from "../auth/permissions";
import { FieldError, notFound } from "../errors";
import { createAccount, updateAccount } from "./accounts.queries";

export type AccountByRefFields = {
  name?: string;
  kind?: "company" | "person";
  segment?: string | null;
  industry?: string | null;
  level?: Level;
  /** The owner by email; null: no owner. Left out: unchanged (a new account has none). */
  ownerEmail?: string | null;
};

export function findAccountIdByRef(db: Db, ref: string): number | null {
  return db.select({ id: accounts.id }).from(accounts).where(eq(accounts.externalRef, ref)).get()?.id ?? null;
}

export function requireAccountIdByRef(db: Db, ref: string): number {
  const id = findAccountIdByRef(db, ref);
  if (id === null) throw notFound("Account");
  return id;
}

function ownerIdOf(db: Db, email: string | null | undefined): string | null | undefined {
  if (email === undefined || email === null) return email;
  const owner = db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.email, email.toLowerCase()),
        eq(users.active, true),
        inArray(users.role, [...ACCOUNT_CREATORS]),
      ),
    )
    .get();
  if (!owner)
    throw new FieldError("BAD_REQUEST", {
      ownerEmail: ["No active user who may own accounts has this email."],
    });
  return owner.id;
}

/** Creates the account with this reference, or updates the fields given; `created` says which. */
export function upsertAccountByRef(
  db: Db,
  actor: Actor,
  ref: string,
  fields: AccountByRefFields,
): { id: number; created: boolean } {
  const ownerId = ownerIdOf(db, fields.ownerEmail);
  const id = findAccountIdByRef(db, ref);
  if (id === null) {
    if (!fields.name) throw new FieldError("BAD_REQUEST", { name: ["A new account needs a name."] });
    const created = createAccount(
      db,
      actor,
      {
        kind: fields.kind ?? "company",
        name: fields.name,
        externalRef: ref,
        segment: fields.segment ?? null,
        industry: fields.industry ?? null,
        level: fields.level ?? "reactive",
        ownerId: ownerId ?? null,
        rung: "suspect",
      },
      { unowned: true },
    );
    return { id: created.id, created: true };
  }
  if (ownerId === null && fields.ownerEmail === null) {
    const current = db.select({ ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, id)).get();
    if (current?.ownerId) {
      throw new FieldError("BAD_REQUEST", {
        ownerEmail: ["An account's owner can be changed, not removed."],
      });
    }
  }
  updateAccount(db, actor, {
    id,
    name: fields.name,
    kind: fields.kind,
    segment: fields.segment,
    industry: fields.industry,
    level: fields.level,
    ownerId: ownerId ?? undefined,
  });
  return { id, created: false };
}

const currency = () => process.env.NEXT_PUBLIC_CURRENCY ?? "USD";

/** An account for another system: what it is, where it stands, what it has bought, who to talk to. */
export function readAccountByRef(db: Db, ref: string) {
  const row = db
    .select({ a: accounts, ownerName: users.name, ownerEmail: users.email })
    .from(accounts)
    .leftJoin(users, eq(users.id, accounts.ownerId))
    .where(eq(accounts.externalRef, ref))
    .get();
  if (!row) throw notFound("Account");
  const a = row.a;
  const people = db
    .select()
    .from(contacts)
    .where(eq(contacts.accountId, a.id))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .limit(200)
    .all();
  return {
    ...summaryOf(a),
    industry: a.industry,
    owner: a.ownerId ? { name: row.ownerName as string, email: row.ownerEmail as string } : null,
    lostReason: a.lostReason,
    figures: {
      currency: currency(),
      orderCount: a.orderCount,
      revenue: a.revenue,
      margin: a.margin,
      firstOrderAt: iso(a.firstOrderAt),
      lastOrderAt: iso(a.lastOrderAt),
    },
    contacts: people.map((c) => ({
      ref: c.externalRef,
      name: c.name,
      title: c.title,
      email: c.email,
      phone: c.phone,
    })),
  };
}

function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

function summaryOf(a: typeof accounts.$inferSelect) {
  return {
    ref: a.externalRef,
    id: a.id,
    name: a.name,
    kind: a.kind,
    segment: a.segment,
    rung: a.rung as Rung,
    rungSince: iso(a.rungSince) as string,
    status: a.status as AccountStatus,
    statusSince: iso(a.statusSince) as string,
    level: a.level,
    recommendedLevel: a.recommendedLevel,
    updatedAt: iso(a.updatedAt) as string,
  };
}

export type ChangedCursor = { at: number; id: number };

export function encodeChangedCursor(c: ChangedCursor): string {
  return Buffer.from(`${c.at}.${c.id}`).toString("base64url");
}

export function decodeChangedCursor(raw: string): ChangedCursor | null {
  const m = /^(\d{1,16})\.(\d{1,16})$/.exec(Buffer.from(raw, "base64url").toString());
  return m ? { at: Number(m[1]), id: Number(m[2]) } : null;
}

/**
 * Accounts changed at or after `since`, oldest change first, keyset-paginated on (updated_at, id) so a client
 * can poll: keep the cursor of the last page and ask again later with it.
 */
export function listAccountsChangedSince(
  db: Db,
  params: { since: number; cursor: ChangedCursor | null; limit: number },
) {
  const after = params.cursor
    ? or(
        gt(accounts.updatedAt, params.cursor.at),
        and(eq(accounts.updatedAt, params.cursor.at), gt(accounts.id, params.cursor.id)),
      )
    : sql`${accounts.updatedAt} >= ${params.since}`;
  const rows = db
    .select()
    .from(accounts)
    .where(params.cursor ? and(after, sql`${accounts.updatedAt} >= ${params.since}`) : after)
    .orderBy(asc(accounts.updatedAt), asc(accounts.id))
    .limit(params.limit + 1)
    .all();
  const page = rows.slice(0, params.limit);
  const last = page.at(-1);
  const position = last ? { at: last.updatedAt, id: last.id } : params.cursor;
  return {
    items: page.map(summaryOf),
    /** Where to continue: now when hasMore, or later to see what changed since (null before any result). */
    nextCursor: position ? encodeChangedCursor(position) : null,
    hasMore: rows.length > params.limit,
  };
}
