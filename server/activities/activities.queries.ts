// Activities: the account timeline (keyset by at desc, id desc) and logging one.
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { type ActivityType, activities, contacts, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireAccountExists, requireAccountFor } from "../auth/account-access";
import { type Actor, canLogActivity } from "../auth/permissions";
import { FieldError } from "../errors";
import type { ActivityCursor } from "./activities.schemas";

export type ActivityItem = {
  id: number;
  type: ActivityType;
  at: number;
  summary: string;
  contactId: number | null;
  contactName: string | null;
  userId: string;
  userName: string;
};

const columns = {
  id: activities.id,
  type: activities.type,
  at: activities.at,
  summary: activities.summary,
  contactId: activities.contactId,
  contactName: contacts.name,
  userId: activities.userId,
  userName: users.name,
};

const p = {
  accountId: sql.placeholder("accountId"),
  at: sql.placeholder("at"),
  id: sql.placeholder("id"),
  limit: sql.placeholder("limit"),
};

function timeline(db: Db, afterCursor: boolean) {
  return db
    .select(columns)
    .from(activities)
    .innerJoin(users, eq(users.id, activities.userId))
    .leftJoin(contacts, eq(contacts.id, activities.contactId))
    .where(
      afterCursor
        ? and(
            eq(activities.accountId, p.accountId),
            or(lt(activities.at, p.at), and(eq(activities.at, p.at), lt(activities.id, p.id))),
          )
        : eq(activities.accountId, p.accountId),
    )
    .orderBy(desc(activities.at), desc(activities.id))
    .limit(p.limit)
    .prepare();
}

const firstPage = preparedPerDb((db) => timeline(db, false));
const laterPage = preparedPerDb((db) => timeline(db, true));

/** One page of an account's activities, newest first; NOT_FOUND for an unknown account. */
export function listActivitiesForAccount(
  db: Db,
  params: { accountId: number; cursor?: ActivityCursor | null; limit: number },
): { items: ActivityItem[]; nextCursor: ActivityCursor | null } {
  const { accountId, cursor, limit } = params;
  requireAccountExists(db, accountId);
  const rows = (
    cursor
      ? laterPage(db).all({ accountId, at: cursor.at, id: cursor.id, limit: limit + 1 })
      : firstPage(db).all({ accountId, limit: limit + 1 })
  ) as ActivityItem[];
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

export type LogActivityParams = {
  accountId: number;
  contactId?: number | null;
  type: ActivityType;
  at?: number;
  summary: string;
};

/**
 * Logs an activity after checking, inside the write transaction, that the actor may log on this
 * account (account managers only on their own) and that the contact belongs to it.
 */
export function logActivity(
  db: Db,
  actor: Actor & { name: string },
  params: LogActivityParams,
  now = Date.now(),
): ActivityItem {
  return inTransaction(db, (txDb) => {
    requireAccountFor(txDb, params.accountId, actor, canLogActivity);
    let contactName: string | null = null;
    if (params.contactId != null) {
      const contact = txDb
        .select({ accountId: contacts.accountId, name: contacts.name })
        .from(contacts)
        .where(eq(contacts.id, params.contactId))
        .get();
      if (!contact || contact.accountId !== params.accountId) {
        throw new FieldError(
          "BAD_REQUEST",
          { contactId: ["contactNotOnAccount"] },
          "The contact does not belong to this account.",
        );
      }
      contactName = contact.name;
    }
    const values = {
      accountId: params.accountId,
      contactId: params.contactId ?? null,
      userId: actor.id,
      type: params.type,
      at: params.at ?? now,
      summary: params.summary,
      createdAt: now,
    };
    const row = txDb.insert(activities).values(values).returning({ id: activities.id }).get();
    const { createdAt: _createdAt, ...after } = values;
    recordAudit(txDb, {
      actorId: actor.id,
      action: "activity.log",
      entity: "activity",
      entityId: row.id,
      before: null,
      after,
      at: now,
    });
    return {
      id: row.id,
      type: values.type,
      at: values.at,
      summary: values.summary,
      contactId: values.contactId,
      contactName,
      userId: actor.id,
      userName: actor.name,
    };
  });
}
