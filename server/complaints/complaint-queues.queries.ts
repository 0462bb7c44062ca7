// The work queues (issue #5 §4), each walked by due time on an index and paged by (due_at, id):
// my open complaints (handler), the unassigned ones, a department's, awaiting approval, awaiting the customer's confirmation, and
// for account managers the open complaints on their accounts; and follow-ups due after closing.
import { and, asc, eq, gt, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, complaints, tasks, users } from "@/db/schema";
import { type Actor, canHandleComplaints } from "../auth/permissions";
import { forbidden } from "../errors";
import { clocksOf } from "./complaints.queries";
import type { QueueCursor, QueueInput } from "./complaints.schemas";

export type QueueItem = {
  id: number;
  reference: string;
  accountId: number;
  accountName: string;
  category: string;
  severity: string;
  status: string;
  department: string;
  handlerId: string | null;
  handlerName: string | null;
  receivedAt: number;
  ackDueAt: number;
  resolveDueAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  /** The next promised moment: acknowledgement until acknowledged, then resolution. */
  dueAt: number;
  clocks: ReturnType<typeof clocksOf>;
};

const QUEUE_FIELDS = {
  id: complaints.id,
  reference: complaints.reference,
  accountId: complaints.accountId,
  accountName: accounts.name,
  category: complaints.category,
  severity: complaints.severity,
  status: complaints.status,
  department: complaints.department,
  handlerId: complaints.handlerId,
  handlerName: users.name,
  receivedAt: complaints.receivedAt,
  ackDueAt: complaints.ackDueAt,
  resolveDueAt: complaints.resolveDueAt,
  acknowledgedAt: complaints.acknowledgedAt,
  resolvedAt: complaints.resolvedAt,
  closedAt: complaints.closedAt,
  dueAt: complaints.dueAt,
};

function queueFilter(actor: Actor, input: QueueInput): SQL {
  switch (input.queue) {
    case "mine":
      // Account managers do not handle complaints: theirs are the open ones on the accounts they own.
      return actor.role === "account_manager"
        ? (and(eq(accounts.ownerId, actor.id), isNotNull(complaints.dueAt)) as SQL)
        : (and(eq(complaints.handlerId, actor.id), isNotNull(complaints.dueAt)) as SQL);
    case "unassigned":
      // Open complaints nobody owns (routing found no service agent, or a handler left): on the handler index.
      return and(isNull(complaints.handlerId), isNotNull(complaints.dueAt)) as SQL;
    case "department":
      return and(
        eq(complaints.department, input.department ?? "customer_service"),
        isNotNull(complaints.dueAt),
      ) as SQL;
    case "awaiting_approval":
      return eq(complaints.status, "awaiting_approval");
    case "awaiting_confirmation":
      return eq(complaints.status, "awaiting_confirmation");
    case "follow_ups":
      // Read by followUpQueue; never reached.
      return isNotNull(complaints.closedAt);
  }
}

/**
 * Follow-ups due: closed complaints whose follow-up task (created at closing, source_key
 * "complaint:<id>:follow-up:<time>") is open and assigned to the actor, by the task's due date. Walks the
 * assignee's open tasks on tasks_assignee_idx; the page is paged by (task due, complaint id).
 */
function followUpQueue(db: Db, actor: Actor, input: QueueInput, limit: number, now: number) {
  const complaintId = sql`CAST(substr(${tasks.sourceKey}, 11, instr(substr(${tasks.sourceKey}, 11), ':') - 1) AS INTEGER)`;
  const cursor = input.cursor
    ? sql`AND (${tasks.dueAt} > ${input.cursor.dueAt} OR (${tasks.dueAt} = ${input.cursor.dueAt} AND ${complaints.id} > ${input.cursor.id}))`
    : sql``;
  const rows = db
    .select({ ...QUEUE_FIELDS, followUpDue: tasks.dueAt })
    .from(tasks)
    .innerJoin(complaints, sql`${complaints.id} = ${complaintId}`)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(
      sql`${tasks.assigneeId} = ${actor.id} AND ${tasks.doneAt} IS NULL AND ${tasks.kind} = 'follow_up'
        AND ${tasks.sourceKey} LIKE 'complaint:%' ${cursor}`,
    )
    .orderBy(asc(tasks.dueAt), asc(complaints.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ followUpDue, ...row }) => ({
      ...row,
      dueAt: followUpDue,
      clocks: clocksOf(row, now),
    })),
    nextCursor: rows.length > limit && last ? { dueAt: last.followUpDue, id: last.id } : null,
  };
}

function after(cursor: QueueCursor): SQL {
  return or(
    gt(complaints.dueAt, cursor.dueAt),
    and(eq(complaints.dueAt, cursor.dueAt), gt(complaints.id, cursor.id)),
  ) as SQL;
}

export function listQueue(
  db: Db,
  actor: Actor,
  input: QueueInput,
  now = Date.now(),
): { items: QueueItem[]; nextCursor: QueueCursor | null } {
  if (input.queue !== "mine" && actor.role === "account_manager") {
    throw forbidden("Account managers see the complaints on their own accounts.");
  }
  if (input.queue === "mine" && !canHandleComplaints(actor) && actor.role !== "account_manager") {
    return { items: [], nextCursor: null };
  }
  const limit = input.limit ?? 50;
  const where = input.cursor
    ? and(queueFilter(actor, input), after(input.cursor))
    : queueFilter(actor, input);
  if (input.queue === "follow_ups") return followUpQueue(db, actor, input, limit, now);
  const rows = db
    .select(QUEUE_FIELDS)
    .from(complaints)
    .innerJoin(accounts, eq(accounts.id, complaints.accountId))
    .leftJoin(users, eq(users.id, complaints.handlerId))
    .where(where)
    .orderBy(asc(complaints.dueAt), asc(complaints.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const items = page.map((row) => ({ ...row, dueAt: row.dueAt ?? 0, clocks: clocksOf(row, now) }));
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { dueAt: last.dueAt ?? 0, id: last.id } : null,
  };
}
