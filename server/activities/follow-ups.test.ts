import { describe, expect, it } from "vitest";
import { insertTestAccount, insertTestTask } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { listMyFollowUps } from "./follow-ups.queries";

const now = Date.UTC(2025, 5, 10, 9, 0); // 2025-06-10 09:00 UTC
const endOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d + 1) - 1;

function setup() {
  const db = createTestDb();
  const me = addUser(db, "account_manager");
  const colleague = addUser(db, "account_manager");
  const acme = insertTestAccount(db, { ownerId: me.id, name: "Acme", rung: "repeat" });
  const globex = insertTestAccount(db, { ownerId: me.id, name: "Globex", rung: "prospect" });
  const task = (title: string, dueAt: number, extra: { doneAt?: number; assigneeId?: string } = {}) =>
    insertTestTask(db, {
      accountId: title.startsWith("G") ? globex : acme,
      assigneeId: extra.assigneeId ?? me.id,
      dueAt,
      title,
      doneAt: extra.doneAt,
    });
  // Inserted out of order on purpose.
  const ids = {
    upcomingJuly: task("G upcoming July", endOf(2025, 7, 1)),
    dueTonight: task("A due tonight", endOf(2025, 6, 10)),
    twoDaysLate: task("A two days late", endOf(2025, 6, 8)),
    tomorrowMidnight: task("A tomorrow midnight", Date.UTC(2025, 5, 11)),
    dueRightNow: task("G due right now", now),
    anHourAgo: task("G an hour ago", now - 3_600_000),
    tomorrowMidnightToo: task("G tomorrow midnight too", Date.UTC(2025, 5, 11)),
  };
  task("A done long ago", endOf(2025, 6, 1), { doneAt: endOf(2025, 6, 1) });
  task("A colleague's", endOf(2025, 6, 1), { assigneeId: colleague.id });
  return { db, me, colleague, acme, globex, ids };
}

describe("my follow-ups", () => {
  it("lists my open tasks overdue first, then by due date, with counts", () => {
    const { db, me, acme, globex, ids } = setup();
    const result = listMyFollowUps(db, { assigneeId: me.id, limit: 25, now });
    expect(result.items.map((t) => t.id)).toEqual([
      ids.twoDaysLate,
      ids.anHourAgo,
      ids.dueRightNow,
      ids.dueTonight,
      ids.tomorrowMidnight,
      ids.tomorrowMidnightToo,
      ids.upcomingJuly,
    ]);
    expect(result.items.map((t) => [t.overdue, t.dueToday, t.daysOverdue])).toEqual([
      [true, false, 2],
      [true, false, 0],
      [false, true, 0],
      [false, true, 0],
      [false, false, 0],
      [false, false, 0],
      [false, false, 0],
    ]);
    expect(result.items[0]?.account).toEqual({ id: acme, name: "Acme", rung: "repeat" });
    expect(result.items[1]?.account).toEqual({ id: globex, name: "Globex", rung: "prospect" });
    expect(result.counts).toEqual({ overdue: 2, dueToday: 2, upcoming: 3 });
    expect(result.nextCursor).toBeNull();
  });

  it("pages through the list without gaps or repeats, counting all of them on every page", () => {
    const { db, me, ids } = setup();
    const page1 = listMyFollowUps(db, { assigneeId: me.id, limit: 5, now });
    expect(page1.items.map((t) => t.id)).toEqual([
      ids.twoDaysLate,
      ids.anHourAgo,
      ids.dueRightNow,
      ids.dueTonight,
      ids.tomorrowMidnight,
    ]);
    expect(page1.nextCursor).toEqual({ dueAt: Date.UTC(2025, 5, 11), id: ids.tomorrowMidnight });
    const page2 = listMyFollowUps(db, { assigneeId: me.id, limit: 5, now, cursor: page1.nextCursor });
    expect(page2.items.map((t) => t.id)).toEqual([ids.tomorrowMidnightToo, ids.upcomingJuly]);
    expect(page2.nextCursor).toBeNull();
    expect(page2.counts).toEqual(page1.counts);
  });

  it("gives an executive an empty list and zero counts, not an error", async () => {
    const { db } = setup();
    const executive = addUser(db, "executive");
    const result = await callerFor(db, executive).tasks.myFollowUps({});
    expect(result).toEqual({ items: [], nextCursor: null, counts: { overdue: 0, dueToday: 0, upcoming: 0 } });
  });

  it("drops a ticked-off task from the list and brings it back when reopened", async () => {
    const { db, me, ids } = setup();
    const caller = callerFor(db, me);
    await caller.tasks.setDone({ id: ids.twoDaysLate, done: true });
    let list = listMyFollowUps(db, { assigneeId: me.id, limit: 25, now });
    expect(list.items.map((t) => t.id)).not.toContain(ids.twoDaysLate);
    expect(list.counts).toEqual({ overdue: 1, dueToday: 2, upcoming: 3 });
    await caller.tasks.setDone({ id: ids.twoDaysLate, done: false });
    list = listMyFollowUps(db, { assigneeId: me.id, limit: 25, now });
    expect(list.items[0]?.id).toBe(ids.twoDaysLate);
    expect(list.counts.overdue).toBe(2);
  });
});
