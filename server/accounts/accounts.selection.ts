// Which accounts a filter means, for everything that acts on "all accounts matching the filter": the count
// the list shows, bulk changes and the CSV export (issue #10 §3, §4). The same filters as the list
// (accounts.list.ts), including the owner filter's "me" and "none" and the name search.
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "../auth/permissions";
import { searchFor } from "./accounts.list";
import { type AccountFilter, type AccountSelection, OWNER_ME, OWNER_NONE } from "./accounts.schemas";

/** The owner a filter names: a user id, or null for "nobody"; undefined when the filter has none. */
export function ownerOf(actor: Actor | undefined, ownerId: string | undefined): string | null | undefined {
  if (!ownerId) return undefined;
  if (ownerId === OWNER_ME) return actor?.id ?? null;
  if (ownerId === OWNER_NONE) return null;
  return ownerId;
}

/** The WHERE of a filter; null when nothing can match (a search without hits). */
export function accountWhere(db: Db, actor: Actor, filter: AccountFilter): SQL | null {
  const search = searchFor(db, filter.q);
  if (search.kind === "nothing") return null;
  const where: SQL[] = [];
  const owner = ownerOf(actor, filter.ownerId);
  if (owner === null) where.push(isNull(accounts.ownerId) as SQL);
  else if (owner !== undefined) where.push(eq(accounts.ownerId, owner) as SQL);
  if (filter.rung) where.push(eq(accounts.rung, filter.rung) as SQL);
  if (filter.status) where.push(eq(accounts.status, filter.status) as SQL);
  if (filter.segment) where.push(eq(accounts.segment, filter.segment) as SQL);
  if (search.kind === "like") where.push(sql`${accounts.searchName} LIKE ${search.like} ESCAPE '\\'`);
  if (search.kind === "ids")
    where.push(sql`${accounts.id} IN (SELECT value FROM json_each(${JSON.stringify(search.ids)}))`);
  return where.length ? (and(...where) as SQL) : sql`1 = 1`;
}

/** Counting stops here: beyond it the list says "more than 10,000" (a count of 100k rows costs too much). */
export const COUNT_CAP = 10_000;

/** How many accounts match, up to COUNT_CAP; `more` when there are more than that. */
export function countAccounts(db: Db, actor: Actor, filter: AccountFilter): { count: number; more: boolean } {
  const where = accountWhere(db, actor, filter);
  if (!where) return { count: 0, more: false };
  const n =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${accounts} WHERE ${where} LIMIT ${COUNT_CAP + 1})`,
    )?.n ?? 0;
  return n > COUNT_CAP ? { count: COUNT_CAP, more: true } : { count: n, more: false };
}

/** The ids a selection means: the rows picked one by one, or everything matching a filter but those left out. */
export function selectedIds(db: Db, actor: Actor, selection: AccountSelection): number[] {
  if ("ids" in selection) {
    return db
      .all<{ id: number }>(
        sql`SELECT id FROM ${accounts} WHERE id IN (SELECT value FROM json_each(${JSON.stringify(selection.ids)}))`,
      )
      .map((r) => r.id);
  }
  const where = accountWhere(db, actor, selection.filter);
  if (!where) return [];
  const except = JSON.stringify(selection.except ?? []);
  return db
    .all<{ id: number }>(
      sql`SELECT id FROM ${accounts} WHERE ${where} AND id NOT IN (SELECT value FROM json_each(${except}))`,
    )
    .map((r) => r.id);
}
