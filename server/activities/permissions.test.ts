// Every activities/tasks procedure against every role (issue #2 §4), on the caller's own account and on
// another manager's. A refused write changes nothing and leaves no audit entry.
import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { activities, auditLog, tasks } from "@/db/schema";
import { insertTestAccount, insertTestTask, T0 } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";

type Outcome = "ok" | "FORBIDDEN";

function world(role: Role) {
  const db = createTestDb();
  const me = addUser(db, role);
  const otherManager = addUser(db, "account_manager");
  // "mine" is owned by the caller (only meaningful for an account manager); "theirs" by someone else.
  const mine = insertTestAccount(db, { ownerId: me.id, name: "Mine" });
  const theirs = insertTestAccount(db, { ownerId: otherManager.id, name: "Theirs" });
  const theirTask = insertTestTask(db, { accountId: theirs, assigneeId: otherManager.id, dueAt: T0 });
  const snapshot = () => ({
    activities: db.select().from(activities).all(),
    tasks: db.select().from(tasks).all(),
    audit: db.select().from(auditLog).all(),
  });
  return { db, me, mine, theirs, theirTask, caller: callerFor(db, me), snapshot };
}

async function outcome(call: Promise<unknown>): Promise<Outcome | string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const readers: Record<Role, Outcome> = {
  account_manager: "ok",
  sales_lead: "ok",
  service_agent: "ok",
  executive: "ok",
  admin: "ok",
};
/** On another manager's account. */
const activityLoggers: Record<Role, Outcome> = {
  ...readers,
  account_manager: "FORBIDDEN",
  executive: "FORBIDDEN",
};
const taskWriters: Record<Role, Outcome> = {
  ...readers,
  account_manager: "FORBIDDEN",
  service_agent: "FORBIDDEN",
  executive: "FORBIDDEN",
};

describe.each(ALL_ROLES)("as %s", (role) => {
  it(`reads activities and tasks: ${readers[role]}`, async () => {
    const { theirs, caller } = world(role);
    expect(await outcome(caller.activities.listForAccount({ accountId: theirs }))).toBe(readers[role]);
    expect(await outcome(caller.tasks.listForAccount({ accountId: theirs, includeDone: true }))).toBe(
      readers[role],
    );
    expect(await outcome(caller.tasks.myFollowUps({}))).toBe("ok");
  });

  it(`logs an activity on another manager's account: ${activityLoggers[role]}`, async () => {
    const { theirs, caller, snapshot } = world(role);
    const before = snapshot();
    const result = await outcome(
      caller.activities.log({ accountId: theirs, type: "call", summary: "Called" }),
    );
    expect(result).toBe(activityLoggers[role]);
    if (result !== "ok") expect(snapshot()).toEqual(before);
    else expect(snapshot().activities).toHaveLength(1);
  });

  it(`creates a task on another manager's account: ${taskWriters[role]}`, async () => {
    const { theirs, caller, snapshot } = world(role);
    const before = snapshot();
    const result = await outcome(caller.tasks.create({ accountId: theirs, title: "Follow up", dueAt: T0 }));
    expect(result).toBe(taskWriters[role]);
    if (result !== "ok") expect(snapshot()).toEqual(before);
    else expect(snapshot().tasks).toHaveLength(2);
  });

  it(`ticks off and reopens a task on another manager's account: ${taskWriters[role]}`, async () => {
    const { theirTask, caller, snapshot } = world(role);
    const before = snapshot();
    const result = await outcome(caller.tasks.setDone({ id: theirTask, done: true }));
    expect(result).toBe(taskWriters[role]);
    if (result !== "ok") expect(snapshot()).toEqual(before);
    else {
      expect(snapshot().tasks.find((t) => t.id === theirTask)?.doneAt).not.toBeNull();
      expect(await outcome(caller.tasks.setDone({ id: theirTask, done: false }))).toBe("ok");
    }
  });

  it(`lists assignees for another manager's account: ${taskWriters[role]}`, async () => {
    const { theirs, caller } = world(role);
    expect(await outcome(caller.tasks.assignees({ accountId: theirs }))).toBe(taskWriters[role]);
  });
});

describe("an account manager on their own account", () => {
  it("logs activities, adds, ticks and reopens tasks, and lists assignees", async () => {
    const { mine, caller, snapshot } = world("account_manager");
    expect(await outcome(caller.activities.log({ accountId: mine, type: "visit", summary: "Visited" }))).toBe(
      "ok",
    );
    const task = await caller.tasks.create({ accountId: mine, title: "Send samples", dueAt: T0 });
    expect(await outcome(caller.tasks.setDone({ id: task.id, done: true }))).toBe("ok");
    expect(await outcome(caller.tasks.setDone({ id: task.id, done: false }))).toBe("ok");
    expect(await outcome(caller.tasks.assignees({ accountId: mine }))).toBe("ok");
    expect(snapshot().audit.map((a) => a.action)).toEqual([
      "activity.log",
      "task.create",
      "task.complete",
      "task.reopen",
    ]);
  });
});

describe("signed out", () => {
  it("is refused every procedure", async () => {
    const { db, theirs, theirTask } = world("admin");
    const anon = callerFor(db, null);
    const calls = [
      anon.activities.listForAccount({ accountId: theirs }),
      anon.activities.log({ accountId: theirs, type: "call", summary: "x" }),
      anon.tasks.listForAccount({ accountId: theirs }),
      anon.tasks.assignees({ accountId: theirs }),
      anon.tasks.create({ accountId: theirs, title: "x", dueAt: T0 }),
      anon.tasks.setDone({ id: theirTask, done: true }),
      anon.tasks.myFollowUps({}),
    ];
    for (const call of calls) expect(await outcome(call)).toBe("UNAUTHORIZED");
  });
});
