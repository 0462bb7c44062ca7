// "My follow-ups": the caller's open tasks, overdue first. Overdue tasks are exactly the ones with the
// earliest due dates, so ordering by (due_at, id) on tasks_assignee_idx gives that order and a keyset.
import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { accounts, type Rung, tasks } from "@/db/schema";
import { daysOverdue, startOfNextUtcDay } from "./follow-ups.rules";
import type { FollowUpCursor } from "./tasks.schemas";

export type FollowUp = {
  id: number;
  title: string;
  /** A title the system wrote: its message key and parameters (the page words it per reader). */
  titleKey: string | null;
  titleParams: string | null;
  dueAt: number;
  overdue: boolean;
  /** Not overdue and due before the next UTC midnight. */
  dueToday: boolean;
  daysOverdue: number;
  account: { id: number; name: string; rung: Rung };
};

export type FollowUpCounts = { overdue: number; dueToday: number; upcoming: number };

const p = {
  assigneeId: sql.placeholder("assigneeId"),
  dueAt: sql.placeholder("dueAt"),
  id: sql.placeholder("id"),
  limit: sql.placeholder("limit"),
};

function openTasks(db: Db, afterCursor: boolean) {
  const mine = and(eq(tasks.assigneeId, p.assigneeId), isNull(tasks.doneAt));
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      titleKey: tasks.titleKey,
      titleParams: tasks.titleParams,
      dueAt: tasks.dueAt,
      accountId: accounts.id,
      accountName: accounts.name,
      rung: accounts.rung,
    })
    .from(tasks)
    .innerJoin(accounts, eq(accounts.id, tasks.accountId))
    .where(
      afterCursor
        ? and(mine, or(gt(tasks.dueAt, p.dueAt), and(eq(tasks.dueAt, p.dueAt), gt(tasks.id, p.id))))
        : mine,
    )
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(p.limit)
    .prepare();
}

const firstPage = preparedPerDb((db) => openTasks(db, false));
const laterPage = preparedPerDb((db) => openTasks(db, true));

const countStatement = preparedPerDb((db) =>
  db
    .select({
      overdue: sql<number>`coalesce(sum(${tasks.dueAt} < ${sql.placeholder("now")}), 0)`,
      dueToday: sql<number>`coalesce(sum(${tasks.dueAt} >= ${sql.placeholder("now")} and ${tasks.dueAt} < ${sql.placeholder("tomorrow")}), 0)`,
      upcoming: sql<number>`coalesce(sum(${tasks.dueAt} >= ${sql.placeholder("tomorrow")}), 0)`,
    })
    .from(tasks)
    .where(and(eq(tasks.assigneeId, p.assigneeId), isNull(tasks.doneAt)))
    .prepare(),
);

/** Counts of the assignee's open tasks: overdue, due later today (UTC), due after today. */
export function countFollowUps(db: Db, assigneeId: string, now: number): FollowUpCounts {
  const row = countStatement(db).get({ assigneeId, now, tomorrow: startOfNextUtcDay(now) });
  return {
    overdue: Number(row?.overdue ?? 0),
    dueToday: Number(row?.dueToday ?? 0),
    upcoming: Number(row?.upcoming ?? 0),
  };
}

export function listMyFollowUps(
  db: Db,
  params: { assigneeId: string; cursor?: FollowUpCursor | null; limit: number; now: number },
): { items: FollowUp[]; nextCursor: FollowUpCursor | null; counts: FollowUpCounts } {
  const { assigneeId, cursor, limit, now } = params;
  const rows = cursor
    ? laterPage(db).all({ assigneeId, dueAt: cursor.dueAt, id: cursor.id, limit: limit + 1 })
    : firstPage(db).all({ assigneeId, limit: limit + 1 });
  const tomorrow = startOfNextUtcDay(now);
  const items = rows.slice(0, limit).map((r) => ({
    id: r.id,
    title: r.title,
    titleKey: r.titleKey,
    titleParams: r.titleParams,
    dueAt: r.dueAt,
    overdue: r.dueAt < now,
    dueToday: r.dueAt >= now && r.dueAt < tomorrow,
    daysOverdue: daysOverdue(r.dueAt, now),
    account: { id: r.accountId, name: r.accountName, rung: r.rung },
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { dueAt: last.dueAt, id: last.id } : null,
    counts: countFollowUps(db, assigneeId, now),
  };
}
