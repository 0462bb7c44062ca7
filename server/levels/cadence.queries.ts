// The contact cadence each practised level promises, turned into tasks for the account owner (domain.md §2).
// Every generated task carries a source_key, so running the job again (hourly, at start-up, after a seed)
// inserts nothing new: one check-in per order, one contact per account per period, one review per period.
//
// Periods are fixed windows counted from the epoch (period k covers [k·P, (k+1)·P) days), so every run agrees
// on which period "now" is in without storing anything; a period's task is due at the period's end.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { runInSlices } from "@/lib/slices";
import { recordAudit } from "../audit/audit.queries";
import { getSetting } from "../settings/settings.queries";
import { checkInTitleSql, contactTitleSql, reviewTitleSql } from "./cadence.titles";
import type { CadenceIntervals } from "./level.rules";
import { levelsSettings } from "./levels.settings";

export const DAY = 86_400_000;
/** Activity types that count as contact with the customer (a note to self does not). */
export const CONTACT_TYPES = ["call", "email", "meeting", "visit"] as const;
export const CADENCE_TASK_KINDS = ["cadence_checkin", "cadence_contact", "joint_review"] as const;

const contactTypesSql = sql.raw(CONTACT_TYPES.map((t) => `'${t}'`).join(", "));

/**
 * How far back the job still creates a check-in: orders older than twice the check-in interval get none,
 * so importing years of history does not flood a manager with check-ins for sales long past.
 */
export function checkInHorizonStart(asOf: number, c: CadenceIntervals): number {
  return asOf - 2 * c.accountableCheckInDays * DAY;
}

/** The period containing `at` for a cadence of `everyDays`: its index, start and end (the due moment). */
export function periodOf(at: number, everyDays: number) {
  const length = everyDays * DAY;
  const index = Math.floor(at / length);
  return { index, start: index * length, end: (index + 1) * length };
}

export type EnsureResult = { checkIns: number; contacts: number; reviews: number };

function scopeSql(accountIds?: readonly number[]): SQL {
  return accountIds ? sql`AND a.id IN (SELECT value FROM json_each(${JSON.stringify(accountIds)}))` : sql``;
}

const INSERT_TASK = sql.raw(
  "INSERT OR IGNORE INTO tasks (account_id, assignee_id, due_at, title, title_key, title_params, kind, source_key, created_by_id, created_at)",
);

/** Orders placed in (after, upTo]: by default the whole check-in horizon up to asOf. */
type OrderWindow = { after: number; upTo: number };

function insertCheckInsSql(asOf: number, c: CadenceIntervals, extra: SQL, window?: OrderWindow): SQL {
  const title = checkInTitleSql();
  const w = window ?? { after: checkInHorizonStart(asOf, c), upTo: asOf };
  return sql`
    ${INSERT_TASK}
    SELECT o.account_id, a.owner_id, o.ordered_at + ${c.accountableCheckInDays * DAY},
      ${title.title}, ${title.key}, ${title.params}, 'cadence_checkin', 'checkin:order:' || o.id, NULL, ${asOf}
    FROM orders o
    JOIN accounts a ON a.id = o.account_id
    JOIN users u ON u.id = a.owner_id
    WHERE o.ordered_at > ${w.after} AND o.ordered_at <= ${w.upTo}
      AND a.level = 'accountable' ${extra}`;
}

function insertCheckIns(db: Db, asOf: number, c: CadenceIntervals, extra: SQL, window?: OrderWindow): number {
  return db.run(insertCheckInsSql(asOf, c, extra, window)).changes;
}

function insertContacts(db: Db, asOf: number, level: "proactive" | "partnership", every: number, extra: SQL) {
  const p = periodOf(asOf, every);
  // No task when the customer was contacted within the last period's length: the cadence is met.
  const title = contactTitleSql(every);
  const key = sql`'contact:' || a.id || ':' || ${`${every}d:${p.index}`}`;
  return db.run(sql`
    ${INSERT_TASK}
    SELECT a.id, a.owner_id, ${p.end}, ${title.title}, ${title.key}, ${title.params}, 'cadence_contact',
      ${key}, NULL, ${asOf}
    FROM accounts a
    JOIN users u ON u.id = a.owner_id
    WHERE a.level = ${level} ${extra}
      AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.source_key = ${key})
      AND NOT EXISTS (
        SELECT 1 FROM activities v
        WHERE v.account_id = a.id AND v.at > ${asOf - every * DAY} AND v.at <= ${asOf}
          AND v.type IN (${contactTypesSql})
      )
  `).changes;
}

function insertReviews(db: Db, asOf: number, every: number, extra: SQL): number {
  const p = periodOf(asOf, every);
  const title = reviewTitleSql(every);
  const key = sql`'review:' || a.id || ':' || ${`${every}d:${p.index}`}`;
  return db.run(sql`
    ${INSERT_TASK}
    SELECT a.id, a.owner_id, ${p.end}, ${title.title}, ${title.key}, ${title.params}, 'joint_review',
      ${key}, NULL, ${asOf}
    FROM accounts a
    JOIN users u ON u.id = a.owner_id
    WHERE a.level = 'partnership' ${extra}
      AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.source_key = ${key})
  `).changes;
}

function recordRun(db: Db, asOf: number, result: EnsureResult): void {
  if (result.checkIns + result.contacts + result.reviews === 0) return;
  recordAudit(db, {
    actorId: null,
    action: "cadence.ensure",
    entity: "task",
    entityId: "cadence",
    after: { asOf, ...result },
    at: asOf,
  });
}

/**
 * Creates the cadence tasks due as of `asOf` for every account (or the given ones) that has an owner:
 * accountable — a check-in per recent order; proactive — a contact per period unless contacted within it;
 * partnership — the same every partnershipContactDays, and a joint review every partnershipReviewDays.
 * Idempotent. One audit row summarises a run that created anything.
 */
export function ensureCadenceTasks(
  db: Db,
  params: { asOf: number; accountIds?: readonly number[]; cadence?: CadenceIntervals },
): EnsureResult {
  if (params.accountIds && params.accountIds.length === 0) return { checkIns: 0, contacts: 0, reviews: 0 };
  const c = params.cadence ?? getSetting(db, levelsSettings.cadence);
  const extra = scopeSql(params.accountIds);
  return inTransaction(db, (t) => {
    const result = {
      checkIns: insertCheckIns(t, params.asOf, c, extra),
      contacts: insertAllContacts(t, params.asOf, c, extra),
      reviews: insertReviews(t, params.asOf, c.partnershipReviewDays, extra),
    };
    recordRun(t, params.asOf, result);
    return result;
  });
}

function insertAllContacts(db: Db, asOf: number, c: CadenceIntervals, extra: SQL): number {
  return (
    insertContacts(db, asOf, "proactive", c.proactiveContactDays, extra) +
    insertContacts(db, asOf, "partnership", c.partnershipContactDays, extra)
  );
}

/** Orders (check-ins) and accounts (contacts and reviews) looked at per write transaction by the job. */
export const CADENCE_SLICE = { orders: 200, accounts: 300 };

/**
 * The same run as ensureCadenceTasks over every account, a slice at a time (what the hourly job runs): the
 * check-in horizon's orders by date, then the proactive and partnership accounts by id (CADENCE_SLICE), each
 * slice its own write transaction, yielding to the event loop (`pause`) between them. One audit row at the end
 * summarises what the run created.
 */
export async function ensureCadenceTasksInSlices(
  db: Db,
  params: { asOf: number; slice?: { orders: number; accounts: number }; pause?: () => Promise<void> },
): Promise<EnsureResult> {
  const { asOf } = params;
  const size = params.slice ?? CADENCE_SLICE;
  const c = getSetting(db, levelsSettings.cadence);
  const result: EnsureResult = { checkIns: 0, contacts: 0, reviews: 0 };
  const none = sql``;
  try {
    let after = checkInHorizonStart(asOf, c);
    await runInSlices(() => {
      // The date of the slice-th order of the horizon still ahead: this slice takes the orders up to it.
      const bound = db.get<{ at: number } | undefined>(sql`
        SELECT ordered_at AS at FROM orders WHERE ordered_at > ${after} AND ordered_at <= ${asOf}
        ORDER BY ordered_at LIMIT 1 OFFSET ${size.orders - 1}`);
      const upTo = bound ? bound.at : asOf;
      result.checkIns += inTransaction(db, (t) => insertCheckIns(t, asOf, c, none, { after, upTo }));
      after = upTo;
      return upTo < asOf;
    }, params.pause);
    let from = 0;
    await runInSlices(() => {
      // The next proactive and partnership accounts by id, from accounts_cadence_idx (its exact condition).
      const ids = db
        .all<{ id: number }>(sql`SELECT id FROM accounts WHERE level IN ('proactive', 'partnership')
          AND id > ${from} ORDER BY id LIMIT ${size.accounts}`)
        .map((r) => r.id);
      if (ids.length === 0) return false;
      const scope = scopeSql(ids);
      inTransaction(db, (t) => {
        result.contacts += insertAllContacts(t, asOf, c, scope);
        result.reviews += insertReviews(t, asOf, c.partnershipReviewDays, scope);
      });
      from = ids[ids.length - 1] ?? from;
      return ids.length === size.accounts;
    }, params.pause);
  } finally {
    inTransaction(db, (t) => recordRun(t, asOf, result));
  }
  return result;
}

/**
 * The check-ins owed for new orders of accountable accounts, created in the orders' own transaction, each
 * audited. Orders of accounts that are not accountable or have no owner, and orders older than the horizon,
 * get none. Returns the ids of the tasks created.
 */
export function createCheckInsForOrders(
  db: Db,
  params: { orderIds: readonly number[]; asOf: number; actorId: string | null },
): number[] {
  if (params.orderIds.length === 0) return [];
  const c = getSetting(db, levelsSettings.cadence);
  const only = sql`AND o.id IN (SELECT value FROM json_each(${JSON.stringify(params.orderIds)}))`;
  const created = db.all<{
    id: number;
    accountId: number;
    assigneeId: string;
    dueAt: number;
    sourceKey: string;
  }>(
    sql`${insertCheckInsSql(params.asOf, c, only)}
        RETURNING id, account_id AS accountId, assignee_id AS assigneeId, due_at AS dueAt, source_key AS sourceKey`,
  );
  for (const { id, ...after } of created) {
    recordAudit(db, {
      actorId: params.actorId,
      action: "task.create",
      entity: "task",
      entityId: id,
      after: { ...after, kind: "cadence_checkin" },
      at: params.asOf,
    });
  }
  return created.map((t) => t.id);
}
