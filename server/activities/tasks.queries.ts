// Tasks on an account: listing, creating, ticking off and reopening; who may be assigned.
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Role, tasks, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireAccountExists, requireAccountFor } from "../auth/account-access";
import { type Actor, canWriteTasks, TASK_WRITERS } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";

export type AccountTask = {
  id: number;
  title: string;
  dueAt: number;
  doneAt: number | null;
  assigneeId: string;
  assigneeName: string;
};

/** How many done tasks the account card shows; older ones stay in the audit log. */
export const DONE_TASKS_SHOWN = 50;
/** Guard against a pathological account; an account with more open tasks than this needs a clean-up. */
export const OPEN_TASKS_SHOWN = 200;

const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  titleKey: tasks.titleKey,
  titleParams: tasks.titleParams,
  dueAt: tasks.dueAt,
  doneAt: tasks.doneAt,
  assigneeId: tasks.assigneeId,
  assigneeName: users.name,
};

/** Open tasks by due date; with includeDone, then the done ones, most recently done first. */
export function listTasksForAccount(
  db: Db,
  params: { accountId: number; includeDone: boolean },
): { items: AccountTask[] } {
  requireAccountExists(db, params.accountId);
  const open = db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.accountId, params.accountId), isNull(tasks.doneAt)))
    .orderBy(asc(tasks.dueAt), asc(tasks.id))
    .limit(OPEN_TASKS_SHOWN)
    .all();
  if (!params.includeDone) return { items: open };
  const done = db
    .select(taskColumns)
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(and(eq(tasks.accountId, params.accountId), isNotNull(tasks.doneAt)))
    .orderBy(desc(tasks.doneAt), desc(tasks.id))
    .limit(DONE_TASKS_SHOWN)
    .all();
  return { items: [...open, ...done] };
}

export type Assignee = { id: string; name: string; role: Role; isAccountOwner: boolean };

/**
 * Who the actor may assign a task on this account to. An account manager only themself (on their own
 * account); sales leads and admins any active account manager, sales lead or admin.
 */
export function listAssignees(db: Db, actor: Actor & { name: string }, accountId: number): Assignee[] {
  const account = requireAccountFor(db, accountId, actor, canWriteTasks);
  if (actor.role === "account_manager") {
    return [
      { id: actor.id, name: actor.name, role: actor.role, isAccountOwner: account.ownerId === actor.id },
    ];
  }
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...TASK_WRITERS])))
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map((u) => ({ ...u, isAccountOwner: u.id === account.ownerId }));
}

function assertAssignable(db: Db, actor: Actor, assigneeId: string): void {
  const refuse = () =>
    new FieldError("BAD_REQUEST", { assigneeId: ["assigneeNotAllowed"] }, "This user cannot be assigned.");
  if (actor.role === "account_manager") {
    if (assigneeId !== actor.id) throw refuse();
    return;
  }
  const user = db
    .select({ role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, assigneeId))
    .get();
  if (!user?.active || !TASK_WRITERS.includes(user.role)) throw refuse();
}

export type CreateTaskParams = {
  accountId: number;
  title: string;
  dueAt: number;
  assigneeId?: string | null;
};

export function createTask(
  db: Db,
  actor: Actor,
  params: CreateTaskParams,
  now = Date.now(),
): Omit<AccountTask, "assigneeName"> {
  return inTransaction(db, (txDb) => {
    requireAccountFor(txDb, params.accountId, actor, canWriteTasks);
    const assigneeId = params.assigneeId ?? actor.id;
    assertAssignable(txDb, actor, assigneeId);
    const values = {
      accountId: params.accountId,
      assigneeId,
      dueAt: params.dueAt,
      title: params.title,
      doneAt: null,
      createdById: actor.id,
      createdAt: now,
    };
    const row = txDb.insert(tasks).values(values).returning({ id: tasks.id }).get();
    const { createdAt: _c, doneAt: _d, ...after } = values;
    recordAudit(txDb, {
      actorId: actor.id,
      action: "task.create",
      entity: "task",
      entityId: row.id,
      before: null,
      after,
      at: now,
    });
    return { id: row.id, title: values.title, dueAt: values.dueAt, doneAt: null, assigneeId };
  });
}

/**
 * Ticks a task off (done) or reopens it. Allowed to whoever may write tasks on the account, and always
 * to the task's assignee. Ticking an already-done task keeps its original done time.
 */
export function setTaskDone(
  db: Db,
  actor: Actor,
  params: { id: number; done: boolean },
  now = Date.now(),
): { id: number; doneAt: number | null } {
  return inTransaction(db, (txDb) => {
    const task = txDb
      .select({
        id: tasks.id,
        accountId: tasks.accountId,
        assigneeId: tasks.assigneeId,
        doneAt: tasks.doneAt,
      })
      .from(tasks)
      .where(eq(tasks.id, params.id))
      .get();
    if (!task) throw notFound("Task");
    if (task.assigneeId !== actor.id) {
      const account = requireAccountExists(txDb, task.accountId);
      if (!canWriteTasks(actor, account)) throw forbidden("You may not change tasks on this account.");
    }
    const doneAt = params.done ? (task.doneAt ?? now) : null;
    if (doneAt === task.doneAt) return { id: task.id, doneAt };
    txDb.update(tasks).set({ doneAt }).where(eq(tasks.id, task.id)).run();
    recordAudit(txDb, {
      actorId: actor.id,
      action: params.done ? "task.complete" : "task.reopen",
      entity: "task",
      entityId: task.id,
      before: { doneAt: task.doneAt },
      after: { doneAt },
      at: now,
    });
    return { id: task.id, doneAt };
  });
}
