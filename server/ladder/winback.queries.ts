// The win-back list: lapsed and lost accounts ranked by what they used to bring (revenue, then margin), and
// the action that puts a win-back task on someone's follow-ups.
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type AccountStatus, type LOST_REASONS, type Rung, tasks, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { systemTitle } from "@/lib/system-text";
import { recordAudit } from "../audit/audit.queries";
import { requireAccountFor } from "../auth/account-access";
import { type Actor, canWriteTasks, TASK_WRITERS } from "../auth/permissions";
import { FieldError } from "../errors";
import type { StartWinbackInput, WinbackCursor } from "./winback.schemas";

const DAY = 86_400_000;
/** A new win-back task is due this many days out unless the person picks a date. */
export const WIN_BACK_DUE_DAYS = 3;

export type WinbackRow = {
  id: number;
  name: string;
  status: AccountStatus;
  rung: Rung;
  lostReason: (typeof LOST_REASONS)[number] | null;
  lastOrderAt: number | null;
  orderCount: number;
  revenue: number;
  margin: number;
  ownerId: string | null;
  ownerName: string | null;
  /** The open win-back task on the account, if one was started and not yet done. */
  openWinBackTaskId: number | null;
};

// One status at a time, so each part walks (status, revenue, id) or (owner, revenue, id) in order and stops
// after a page; the margin tie-break only sorts rows that share a revenue.
function part(
  status: "lapsed" | "lost",
  ownerId: string | null,
  cursor: WinbackCursor | null,
  take: number,
): SQL {
  return sql`SELECT * FROM (
    SELECT a.id, a.revenue, a.margin FROM accounts a
    WHERE a.status = ${status} ${ownerId ? sql`AND a.owner_id = ${ownerId}` : sql``}
      ${
        cursor
          ? sql`AND a.revenue <= ${cursor.revenue}
              AND (a.revenue, a.margin, a.id) < (${cursor.revenue}, ${cursor.margin}, ${cursor.id})`
          : sql``
      }
    ORDER BY a.revenue DESC, a.margin DESC, a.id DESC LIMIT ${take})`;
}

export function findWinbackList(
  db: Db,
  params: {
    ownerId: string | null;
    status?: "lapsed" | "lost";
    cursor?: WinbackCursor | null;
    limit: number;
  },
) {
  const { ownerId, cursor = null, limit } = params;
  const statuses = params.status ? [params.status] : (["lapsed", "lost"] as const);
  const parts = statuses.map((s) => part(s, ownerId, cursor, limit + 1));
  const rows = db.all<WinbackRow>(sql`
    WITH page AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT a.id, a.name, a.status, a.rung, a.lost_reason AS lostReason, a.last_order_at AS lastOrderAt,
      a.order_count AS orderCount, a.revenue, a.margin, a.owner_id AS ownerId, u.name AS ownerName,
      (SELECT t.id FROM tasks t WHERE t.account_id = a.id AND t.done_at IS NULL AND t.kind = 'win_back'
        ORDER BY t.id LIMIT 1) AS openWinBackTaskId
    FROM (SELECT id FROM page ORDER BY revenue DESC, margin DESC, id DESC LIMIT ${limit + 1}) p
    JOIN accounts a ON a.id = p.id
    LEFT JOIN users u ON u.id = a.owner_id
    ORDER BY a.revenue DESC, a.margin DESC, a.id DESC
  `);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor: WinbackCursor | null =
    rows.length > limit && last ? { revenue: last.revenue, margin: last.margin, id: last.id } : null;
  return { items, nextCursor };
}

type WinbackTask = { id: number; title: string; dueAt: number; assigneeId: string; assigneeName: string };

function openWinBackTask(db: Db, accountId: number): WinbackTask | undefined {
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      titleKey: tasks.titleKey,
      titleParams: tasks.titleParams,
      dueAt: tasks.dueAt,
      assigneeId: tasks.assigneeId,
      assigneeName: users.name,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.accountId, accountId), eq(tasks.kind, "win_back"), sql`${tasks.doneAt} IS NULL`))
    .orderBy(tasks.id)
    .get();
}

/** Same rule as the task form: account managers assign themselves; others any active task writer. */
function requireAssignee(db: Db, actor: Actor, assigneeId: string) {
  const refuse = () =>
    new FieldError("BAD_REQUEST", { assigneeId: ["assigneeNotAllowed"] }, "This user cannot be assigned.");
  if (actor.role === "account_manager" && assigneeId !== actor.id) throw refuse();
  const user = db
    .select({ name: users.name, role: users.role, active: users.active, locale: users.locale })
    .from(users)
    .where(eq(users.id, assigneeId))
    .get();
  if (!user?.active || !TASK_WRITERS.includes(user.role)) throw refuse();
  return user;
}

/**
 * Starts a win-back on a lapsed or lost account: a win_back task for the chosen person (default: the owner
 * when the actor may assign them, else the actor). While one is open, a second start creates nothing and
 * returns the open task with created: false.
 */
export function startWinback(db: Db, actor: Actor, input: StartWinbackInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const account = requireAccountFor(t, input.accountId, actor, canWriteTasks);
    const status = t.get<{ status: AccountStatus }>(
      sql`SELECT status FROM accounts WHERE id = ${account.id}`,
    );
    if (status?.status !== "lapsed" && status?.status !== "lost") {
      throw new FieldError(
        "BAD_REQUEST",
        { accountId: ["notLapsedOrLost"] },
        "Only a lapsed or lost account can be won back.",
      );
    }
    const open = openWinBackTask(t, account.id);
    if (open) return { created: false as const, task: open };
    const defaultAssignee = actor.role === "account_manager" ? actor.id : (account.ownerId ?? actor.id);
    const assigneeId = input.assigneeId ?? defaultAssignee;
    const assignee = requireAssignee(t, actor, assigneeId);
    const values = {
      accountId: account.id,
      assigneeId,
      dueAt: input.dueAt ?? now + WIN_BACK_DUE_DAYS * DAY,
      ...systemTitle({ key: "task.winBack" }),
      kind: "win_back" as const,
      sourceKey: `winback:${account.id}:${now}`,
      createdById: actor.id,
      createdAt: now,
    };
    const { id } = t.insert(tasks).values(values).returning({ id: tasks.id }).get();
    const { createdAt: _c, titleKey: _k, titleParams: _p, ...after } = values;
    recordAudit(t, {
      actorId: actor.id,
      action: "task.create",
      entity: "task",
      entityId: id,
      after,
      at: now,
    });
    return {
      created: true as const,
      task: {
        id,
        title: values.title,
        titleKey: values.titleKey,
        titleParams: values.titleParams,
        dueAt: values.dueAt,
        assigneeId,
        assigneeName: assignee.name,
      },
    };
  });
}
