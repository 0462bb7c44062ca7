// Overdue contacts: accounts whose practised level's cadence is not met (isCadenceOverdue, in SQL).
// Overdue means a cadence task (check-in, contact, joint review) past due and not done, or, for proactive
// and partnership, no contact-type activity within the level's period while the account has existed that
// long. The level's start is not stored, so the account's creation stands in for it.
//
// The list walks accounts in name order on an index (one owner or all) and checks each candidate with two
// index probes (tasks_account_idx, activities_account_idx), stopping after a page.
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Level, Rung } from "@/db/schema";
import { getSetting } from "../settings/settings.queries";
import { CADENCE_TASK_KINDS, CONTACT_TYPES, DAY } from "./cadence.queries";
import type { CadenceIntervals } from "./level.rules";
import { pageByName } from "./levels.queries";
import type { NameCursor } from "./levels.schemas";
import { levelsSettings } from "./levels.settings";

const contactTypes = sql.raw(CONTACT_TYPES.map((t) => `'${t}'`).join(", "));
const cadenceKinds = sql.raw(CADENCE_TASK_KINDS.map((k) => `'${k}'`).join(", "));

function pastDueTask(now: number): SQL {
  return sql`EXISTS (SELECT 1 FROM tasks t WHERE t.account_id = a.id AND t.done_at IS NULL
    AND t.due_at < ${now} AND t.kind IN (${cadenceKinds}))`;
}

function noContactWithin(now: number, days: number): SQL {
  const since = now - days * DAY;
  return sql`(a.created_at < ${since} AND NOT EXISTS (SELECT 1 FROM activities v
    WHERE v.account_id = a.id AND v.at >= ${since} AND v.type IN (${contactTypes})))`;
}

/** The SQL condition for "this account's cadence is not met at `now`" (account alias `a`). */
export function overdueCondition(now: number, c: CadenceIntervals): SQL {
  return sql`a.level IN ('accountable', 'proactive', 'partnership') AND (
    ${pastDueTask(now)}
    OR (a.level = 'proactive' AND ${noContactWithin(now, c.proactiveContactDays)})
    OR (a.level = 'partnership' AND ${noContactWithin(now, c.partnershipContactDays)})
  )`;
}

export type OverdueRow = {
  id: number;
  name: string;
  rung: Rung;
  level: Level;
  ownerId: string | null;
  ownerName: string | null;
  /** The last call, email, meeting or visit; null when there was none. */
  lastContactAt: number | null;
  /** The earliest due date of an open cadence task past due; null when the gap alone makes it overdue. */
  overdueTaskDueAt: number | null;
};

export function findOverdue(
  db: Db,
  params: { ownerId: string | null; cursor?: NameCursor | null; limit: number; now: number },
) {
  const { ownerId, cursor, limit, now } = params;
  const c = getSetting(db, levelsSettings.cadence);
  const rows = db.all<OverdueRow & { searchName: string }>(sql`
    SELECT a.id, a.name, a.search_name AS searchName, a.rung, a.level, a.owner_id AS ownerId, u.name AS ownerName,
      (SELECT max(v.at) FROM activities v WHERE v.account_id = a.id AND v.type IN (${contactTypes})) AS lastContactAt,
      (SELECT min(t.due_at) FROM tasks t WHERE t.account_id = a.id AND t.done_at IS NULL
        AND t.due_at < ${now} AND t.kind IN (${cadenceKinds})) AS overdueTaskDueAt
    FROM accounts a LEFT JOIN users u ON u.id = a.owner_id
    WHERE ${overdueCondition(now, c)}
      ${ownerId ? sql`AND a.owner_id = ${ownerId}` : sql``}
      ${cursor ? sql`AND (a.search_name, a.id) > (${cursor.name}, ${cursor.id})` : sql``}
    ORDER BY a.search_name, a.id
    LIMIT ${limit + 1}
  `);
  return pageByName(rows, limit);
}
