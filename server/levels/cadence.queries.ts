// The contact cadence each practised level promises, turned into tasks for the account owner (domain.md §2).
// Every generated task carries a source_key, so running the job again (hourly, at start-up, after a seed)
// inserts nothing new: one check-in per order, one contact per account per period, one review per period.
//
// Periods are fixed windows counted from the epoch (period k covers [k·P, (k+1)·P) days), so every run agrees
// on which period "now" is in without storing anything; a period's task is due at the period's end.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
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

function insertCheckInsSql(asOf: number, c: CadenceIntervals, extra: SQL): SQL {
  const title = checkInTitleSql();
  return sql`
    ${INSERT_TASK}
    SELECT o.account_id, a.owner_id, o.ordered_at + ${c.accountableCheckInDays * DAY},
      ${title.title}, ${title.key}, ${title.params}, 'cadence_checkin', 'checkin:order:' || o.id, NULL, ${asOf}
    FROM orders o
    JOIN accounts a ON a.id = o.account_id
    JOIN users u ON u.id = a.owner_id
    WHERE o.ordered_at > ${checkInHorizonStart(asOf, c)} AND o.ordered_at <= ${asOf}
      AND a.level = 'accountable' ${extra}`;
}

function insertCheckIns(db: Db, asOf: number, c: CadenceIntervals, extra: SQL): number {
  return db.run(insertCheckInsSql(asOf, c, extra)).changes;
}

function insertContacts(db: Db, asOf: number, level: "proactive" | "partnership", every: number, extra: SQL) {
  const p = periodOf(asOf, every);
  // No task when the customer was contacted within the last period's length: the cadence is met.
  const title = contactTitleSql(every);
  return db.run(sql`
    ${INSERT_TASK}
    SELECT a.id, a.owner_id, ${p.end}, ${title.title}, ${title.key}, ${title.params}, 'cadence_contact',
      'contact:' || a.id || ':' || ${`${every}d:${p.index}`}, NULL, ${asOf}
    FROM accounts a
    JOIN users u ON u.id = a.owner_id
    WHERE a.level = ${level} ${extra}
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
  return db.run(sql`
    ${INSERT_TASK}
    SELECT a.id, a.owner_id, ${p.end}, ${title.title}, ${title.key}, ${title.params}, 'joint_review',
      'review:' || a.id || ':' || ${`${every}d:${p.index}`}, NULL, ${asOf}
    FROM accounts a
    JOIN users u ON u.id = a.owner_id
    WHERE a.level = 'partnership' ${extra}
  `).changes;
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
      contacts:
        insertContacts(t, params.asOf, "proactive", c.proactiveContactDays, extra) +
        insertContacts(t, params.asOf, "partnership", c.partnershipContactDays, extra),
      reviews: insertReviews(t, params.asOf, c.partnershipReviewDays, extra),
    };
    if (result.checkIns + result.contacts + result.reviews > 0) {
      recordAudit(t, {
        actorId: null,
        action: "cadence.ensure",
        entity: "task",
        entityId: "cadence",
        after: { asOf: params.asOf, ...result },
        at: params.asOf,
      });
    }
    return result;
  });
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
