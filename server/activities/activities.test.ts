import { describe, expect, it } from "vitest";
import { activities, auditLog } from "@/db/schema";
import { fieldErrorsOf, insertTestAccount, insertTestContact, T0 } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { listActivitiesForAccount, logActivity } from "./activities.queries";

function setup() {
  const db = createTestDb();
  const manager = addUser(db, "account_manager", "Mei Lin");
  const accountId = insertTestAccount(db, { ownerId: manager.id, name: "上海精密机械" });
  return { db, manager, accountId, caller: callerFor(db, manager) };
}

describe("logging an activity", () => {
  it("records the call with its contact, author and time, and audits it", async () => {
    const { db, manager, accountId, caller } = setup();
    const contactId = insertTestContact(db, { accountId, name: "Wang Wei" });
    const logged = await caller.activities.log({
      accountId,
      contactId,
      type: "call",
      at: T0,
      summary: "  Asked about the spring order  ",
    });
    expect(logged).toMatchObject({
      type: "call",
      at: T0,
      summary: "Asked about the spring order",
      contactId,
      contactName: "Wang Wei",
      userId: manager.id,
      userName: "Mei Lin",
    });
    const audit = db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "activity.log",
      entity: "activity",
      entityId: String(logged.id),
    });
  });

  it("defaults the time to now", () => {
    const { db, manager, accountId } = setup();
    const logged = logActivity(db, manager, { accountId, type: "note", summary: "Met at the fair" }, T0 + 5);
    expect(logged.at).toBe(T0 + 5);
    expect(logged.contactId).toBeNull();
  });

  it("refuses a contact from another account and stores nothing", async () => {
    const { db, manager, accountId, caller } = setup();
    const otherAccount = insertTestAccount(db, { ownerId: manager.id, name: "Other" });
    const strangerId = insertTestContact(db, { accountId: otherAccount });
    await expect(
      caller.activities.log({ accountId, contactId: strangerId, type: "call", summary: "Hello" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { contactId: ["contactNotOnAccount"] } });
    expect(db.select().from(activities).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("refuses an empty summary, an unknown type and a time more than a day ahead, with field errors", async () => {
    const { db, accountId, caller } = setup();
    const attempt = caller.activities.log({
      accountId,
      // @ts-expect-error deliberately bad input
      type: "fax",
      at: Date.now() + 2 * 86_400_000,
      summary: "   ",
    });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await fieldErrorsOf(attempt)).toEqual({
      type: ["invalidType"],
      at: ["tooFarAhead"],
      summary: ["required"],
    });
    expect(db.select().from(activities).all()).toHaveLength(0);
  });

  it("refuses a summary over 2000 characters", async () => {
    const { accountId, caller } = setup();
    await expect(
      caller.activities.log({ accountId, type: "note", summary: "x".repeat(2001) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.activities.log({ accountId, type: "note", summary: "x".repeat(2000) }),
    ).resolves.toBeTruthy();
  });

  it("answers NOT_FOUND for an unknown account", async () => {
    const { caller } = setup();
    await expect(
      caller.activities.log({ accountId: 9999, type: "call", summary: "Hi" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.activities.listForAccount({ accountId: 9999 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the activity timeline", () => {
  it("lists newest first, ties broken by the later entry, and pages without gaps or repeats", async () => {
    const { db, manager, accountId, caller } = setup();
    const other = insertTestAccount(db, { ownerId: manager.id, name: "Other" });
    // Five activities on the account (two share a time) and one on another account.
    const times = [T0 - 4000, T0 - 1000, T0 - 3000, T0 - 1000, T0 - 2000];
    const ids = times.map(
      (at, i) => logActivity(db, manager, { accountId, type: "email", at, summary: `#${i}` }, T0).id,
    );
    logActivity(db, manager, { accountId: other, type: "call", at: T0, summary: "elsewhere" }, T0);

    const expected = [ids[3], ids[1], ids[4], ids[2], ids[0]];
    const page1 = await caller.activities.listForAccount({ accountId, limit: 2 });
    expect(page1.items.map((a) => a.id)).toEqual(expected.slice(0, 2));
    expect(page1.nextCursor).toEqual({ at: T0 - 1000, id: ids[1] });
    const page2 = await caller.activities.listForAccount({ accountId, limit: 2, cursor: page1.nextCursor });
    expect(page2.items.map((a) => a.id)).toEqual(expected.slice(2, 4));
    const page3 = await caller.activities.listForAccount({ accountId, limit: 2, cursor: page2.nextCursor });
    expect(page3.items.map((a) => a.id)).toEqual(expected.slice(4));
    expect(page3.nextCursor).toBeNull();

    // One per page: the two activities sharing a time fall on different pages.
    const seen: number[] = [];
    let cursor: { at: number; id: number } | null = null;
    do {
      const page: Awaited<ReturnType<typeof caller.activities.listForAccount>> =
        await caller.activities.listForAccount({ accountId, limit: 1, cursor });
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("carries the author's and contact's names", () => {
    const { db, manager, accountId } = setup();
    const contactId = insertTestContact(db, { accountId, name: "李娜" });
    logActivity(db, manager, { accountId, contactId, type: "visit", at: T0, summary: "Factory tour" }, T0);
    const { items, nextCursor } = listActivitiesForAccount(db, { accountId, limit: 20 });
    expect(items).toEqual([
      {
        id: items[0]?.id,
        type: "visit",
        at: T0,
        summary: "Factory tour",
        contactId,
        contactName: "李娜",
        userId: manager.id,
        userName: "Mei Lin",
      },
    ]);
    expect(nextCursor).toBeNull();
  });

  it("refuses a page size outside 1..100", async () => {
    const { accountId, caller } = setup();
    await expect(caller.activities.listForAccount({ accountId, limit: 0 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.activities.listForAccount({ accountId, limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
