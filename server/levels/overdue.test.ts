import { describe, expect, it } from "vitest";
import { insertTestTask } from "../test/fixtures";
import { addUser, createTestDb } from "../test/harness";
import { addActivity, DAY, makeAccount, NOW } from "./levels.fixtures";
import { findOverdue } from "./overdue.queries";

function overdueIds(db: ReturnType<typeof createTestDb>, now = NOW, ownerId: string | null = null) {
  return findOverdue(db, { ownerId, limit: 50, now }).items.map((r) => r.id);
}

describe("overdue contacts", () => {
  it("a proactive account called exactly 30 days ago is not overdue; a millisecond later it is", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "proactive", ownerId: am.id });
    addActivity(db, { accountId: a, userId: am.id, type: "call", at: NOW - 30 * DAY });
    expect(overdueIds(db, NOW)).toEqual([]);
    expect(overdueIds(db, NOW + 1)).toEqual([a]);
  });

  it("a partnership account's period is 14 days, and a note is not contact", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "partnership", ownerId: am.id });
    addActivity(db, { accountId: a, userId: am.id, type: "meeting", at: NOW - 14 * DAY - 1 });
    addActivity(db, { accountId: a, userId: am.id, type: "note", at: NOW - DAY });
    const [row] = findOverdue(db, { ownerId: null, limit: 50, now: NOW }).items;
    expect(row).toMatchObject({ id: a, lastContactAt: NOW - 14 * DAY - 1, overdueTaskDueAt: null });
  });

  it("an account younger than its period is not overdue yet", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    makeAccount(db, { level: "proactive", ownerId: am.id, createdAt: NOW - 10 * DAY });
    expect(overdueIds(db)).toEqual([]);
  });

  it("an open cadence task past due makes it overdue; done or not yet due does not", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const late = makeAccount(db, { level: "accountable", ownerId: am.id });
    const done = makeAccount(db, { level: "accountable", ownerId: am.id });
    const future = makeAccount(db, { level: "accountable", ownerId: am.id });
    const manual = makeAccount(db, { level: "accountable", ownerId: am.id });
    const t1 = insertTestTask(db, { accountId: late, assigneeId: am.id, dueAt: NOW - 1 });
    const t2 = insertTestTask(db, {
      accountId: done,
      assigneeId: am.id,
      dueAt: NOW - DAY,
      doneAt: NOW - 2 * DAY,
    });
    const t3 = insertTestTask(db, { accountId: future, assigneeId: am.id, dueAt: NOW + DAY });
    insertTestTask(db, { accountId: manual, assigneeId: am.id, dueAt: NOW - DAY }); // a manual task: not cadence
    db.$client.prepare("UPDATE tasks SET kind = 'cadence_checkin' WHERE id IN (?, ?, ?)").run(t1, t2, t3);
    const rows = findOverdue(db, { ownerId: null, limit: 50, now: NOW }).items;
    expect(rows.map((r) => [r.id, r.overdueTaskDueAt])).toEqual([[late, NOW - 1]]);
  });

  it("basic and reactive accounts are never overdue", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    makeAccount(db, { level: "basic", ownerId: am.id });
    makeAccount(db, { level: "reactive", ownerId: am.id });
    expect(overdueIds(db)).toEqual([]);
  });

  it("lists one owner's accounts by name, a page at a time", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const other = addUser(db, "account_manager");
    const c = makeAccount(db, { level: "proactive", ownerId: am.id, name: "Charlie" });
    const a = makeAccount(db, { level: "proactive", ownerId: am.id, name: "alpha" });
    const b = makeAccount(db, { level: "proactive", ownerId: am.id, name: "Bravo" });
    makeAccount(db, { level: "proactive", ownerId: other.id, name: "Aardvark" });
    const first = findOverdue(db, { ownerId: am.id, limit: 2, now: NOW });
    expect(first.items.map((r) => r.id)).toEqual([a, b]);
    const second = findOverdue(db, { ownerId: am.id, limit: 2, now: NOW, cursor: first.nextCursor });
    expect(second.items.map((r) => r.id)).toEqual([c]);
    expect(second.nextCursor).toBeNull();
  });
});
