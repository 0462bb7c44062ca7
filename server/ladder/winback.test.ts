import { describe, expect, it } from "vitest";
import { DAY, makeAccount, NOW } from "../levels/levels.fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { findWinbackList, startWinback } from "./winback.queries";

describe("win-back list", () => {
  it("ranks lapsed and lost accounts by past revenue, then margin, and leaves active ones out", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const small = makeAccount(db, { status: "lapsed", revenue: 1_000, margin: 900, ownerId: am.id });
    const bigLost = makeAccount(db, { status: "lost", revenue: 9_000, margin: 100, ownerId: am.id });
    const tieLow = makeAccount(db, { status: "lapsed", revenue: 5_000, margin: 500, ownerId: am.id });
    const tieHigh = makeAccount(db, { status: "lost", revenue: 5_000, margin: 2_000, ownerId: am.id });
    makeAccount(db, { status: "active", revenue: 99_000, margin: 9_000, ownerId: am.id });
    const all = findWinbackList(db, { ownerId: null, limit: 50 });
    expect(all.items.map((r) => r.id)).toEqual([bigLost, tieHigh, tieLow, small]);
    // Two at a time, the keyset continues across the lapsed and lost parts without gaps or repeats.
    const p1 = findWinbackList(db, { ownerId: null, limit: 2 });
    const p2 = findWinbackList(db, { ownerId: null, limit: 2, cursor: p1.nextCursor });
    expect([...p1.items, ...p2.items].map((r) => r.id)).toEqual([bigLost, tieHigh, tieLow, small]);
    expect(p2.nextCursor).toBeNull();
    expect(findWinbackList(db, { ownerId: null, status: "lost", limit: 50 }).items.map((r) => r.id)).toEqual([
      bigLost,
      tieHigh,
    ]);
  });

  it("filters by owner", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const other = addUser(db, "account_manager");
    const mine = makeAccount(db, { status: "lapsed", revenue: 10, ownerId: am.id });
    makeAccount(db, { status: "lapsed", revenue: 20, ownerId: other.id });
    expect(findWinbackList(db, { ownerId: am.id, limit: 50 }).items.map((r) => r.id)).toEqual([mine]);
  });
});

describe("start win-back", () => {
  it("creates a win-back task for the owner that shows on their follow-ups, once while it is open", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { status: "lapsed", revenue: 10, ownerId: am.id });
    const first = await callerFor(db, am).winback.start({ accountId: a, dueAt: NOW + DAY });
    expect(first).toMatchObject({ created: true, task: { assigneeId: am.id, dueAt: NOW + DAY } });
    const again = await callerFor(db, am).winback.start({ accountId: a });
    expect(again).toMatchObject({ created: false, task: { id: first.task.id } });
    const { items } = await callerFor(db, am).tasks.myFollowUps({});
    expect(items.map((t) => [t.id, t.title])).toEqual([[first.task.id, "Win back this customer"]]);
    expect(findWinbackList(db, { ownerId: null, limit: 5 }).items[0]?.openWinBackTaskId).toBe(first.task.id);
    // Once done, a new win-back can start.
    await callerFor(db, am).tasks.setDone({ id: first.task.id, done: true });
    expect((await callerFor(db, am).winback.start({ accountId: a })).created).toBe(true);
  });

  it("a sales lead's win-back goes to the owner by default", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const lead = addUser(db, "sales_lead");
    const a = makeAccount(db, { status: "lost", ownerId: am.id });
    expect(startWinback(db, lead, { accountId: a }, NOW).task).toMatchObject({
      assigneeId: am.id,
      dueAt: NOW + 3 * DAY,
    });
  });

  it("an active account cannot be won back", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { status: "active", ownerId: am.id });
    await expect(callerFor(db, am).winback.start({ accountId: a })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { accountId: ["notLapsedOrLost"] },
    });
  });

  it("an account manager cannot assign someone else", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const lead = addUser(db, "sales_lead");
    const a = makeAccount(db, { status: "lost", ownerId: am.id });
    await expect(
      callerFor(db, am).winback.start({ accountId: a, assigneeId: lead.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
