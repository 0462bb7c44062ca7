import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { ensureCadenceTasks, periodOf } from "./cadence.queries";
import { addActivity, addOrder, DAY, makeAccount, NOW } from "./levels.fixtures";

type TaskRow = {
  accountId: number;
  assigneeId: string;
  dueAt: number;
  kind: string;
  sourceKey: string;
  title: string;
};

function taskRows(db: Db): TaskRow[] {
  return db.all<TaskRow>(sql`SELECT account_id AS accountId, assignee_id AS assigneeId, due_at AS dueAt, kind,
    source_key AS sourceKey, title FROM tasks ORDER BY source_key`);
}

describe("cadence tasks", () => {
  it("an accountable account gets a check-in call 7 days after each recent order, for its owner", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "accountable", ownerId: am.id });
    const recent = addOrder(db, { accountId: a, at: NOW - 2 * DAY, amount: 100, margin: 10 });
    addOrder(db, { accountId: a, at: NOW - 15 * DAY, amount: 100, margin: 10 }); // beyond 14 days: too old
    expect(ensureCadenceTasks(db, { asOf: NOW })).toEqual({ checkIns: 1, contacts: 0, reviews: 0 });
    expect(taskRows(db)).toEqual([
      {
        accountId: a,
        assigneeId: am.id,
        dueAt: NOW + 5 * DAY,
        kind: "cadence_checkin",
        sourceKey: `checkin:order:${recent}`,
        title: `Check-in call after order ${new Date(NOW - 2 * DAY).toISOString().slice(0, 10)}`,
      },
    ]);
  });

  it("proactive and partnership accounts get contact and review tasks due at the end of the period", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const pro = makeAccount(db, { level: "proactive", ownerId: am.id });
    const par = makeAccount(db, { level: "partnership", ownerId: am.id });
    ensureCadenceTasks(db, { asOf: NOW });
    // NOW is epoch day 20249.375: the 30-day period 674 ends on day 20250 (2025-06-11), the 14-day period 1446
    // on day 20258 (2025-06-19), the 90-day period 224 on day 20250.
    expect(periodOf(NOW, 30)).toEqual({
      index: 674,
      start: Date.UTC(2025, 5, 11) - 30 * DAY,
      end: Date.UTC(2025, 5, 11),
    });
    expect(taskRows(db).map((t) => [t.accountId, t.kind, t.sourceKey, t.dueAt])).toEqual([
      [pro, "cadence_contact", `contact:${pro}:30d:674`, Date.UTC(2025, 5, 11)],
      [par, "cadence_contact", `contact:${par}:14d:1446`, Date.UTC(2025, 5, 19)],
      [par, "joint_review", `review:${par}:90d:224`, Date.UTC(2025, 5, 11)],
    ]);
  });

  it("running the job twice creates the same tasks once", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "accountable", ownerId: am.id });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 100, margin: 10 });
    makeAccount(db, { level: "partnership", ownerId: am.id });
    const first = ensureCadenceTasks(db, { asOf: NOW });
    const before = taskRows(db);
    // Later the same day (the periods end at 2025-06-11 00:00 UTC): nothing new.
    const later = NOW + 14 * 3_600_000;
    expect(ensureCadenceTasks(db, { asOf: later })).toEqual({ checkIns: 0, contacts: 0, reviews: 0 });
    expect(taskRows(db)).toEqual(before);
    expect(first).toEqual({ checkIns: 1, contacts: 1, reviews: 1 });
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((r) => r.action),
    ).toEqual(["cadence.ensure"]);
    // The next 90-day period brings the next review; the 14-day contact period has not ended yet.
    expect(ensureCadenceTasks(db, { asOf: NOW + DAY })).toEqual({ checkIns: 0, contacts: 0, reviews: 1 });
  });

  it("a customer contacted within the period gets no contact task; a note does not count", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const called = makeAccount(db, { level: "proactive", ownerId: am.id });
    const noted = makeAccount(db, { level: "proactive", ownerId: am.id });
    addActivity(db, { accountId: called, userId: am.id, type: "call", at: NOW - 29 * DAY });
    addActivity(db, { accountId: noted, userId: am.id, type: "note", at: NOW - DAY });
    ensureCadenceTasks(db, { asOf: NOW });
    expect(taskRows(db).map((t) => t.accountId)).toEqual([noted]);
  });

  it("basic and reactive accounts, and accounts without an owner, get no tasks", () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    for (const level of ["basic", "reactive"] as const) {
      const id = makeAccount(db, { level, ownerId: am.id });
      addOrder(db, { accountId: id, at: NOW - DAY, amount: 100, margin: 10 });
    }
    const orphan = makeAccount(db, { level: "accountable", ownerId: null });
    addOrder(db, { accountId: orphan, at: NOW - DAY, amount: 100, margin: 10 });
    makeAccount(db, { level: "partnership", ownerId: null });
    expect(ensureCadenceTasks(db, { asOf: NOW })).toEqual({ checkIns: 0, contacts: 0, reviews: 0 });
  });

  it("titles are stored as a message key with parameters, shown in the reader's language", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "proactive", ownerId: am.id });
    makeAccount(db, { level: "accountable", ownerId: am.id });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 1_000, margin: 100 });
    ensureCadenceTasks(db, { asOf: NOW });
    const rows = db.$client.prepare("SELECT title, title_key AS k, title_params AS p, kind FROM tasks").all();
    expect(rows).toEqual([
      {
        title: "Regular contact (every 30 days)",
        k: "task.regularContact",
        p: '{"days":30}',
        kind: "cadence_contact",
      },
    ]);
    // The follow-up list hands the key and parameters to the page, which words them per reader.
    const { items } = await callerFor(db, am).tasks.myFollowUps({});
    expect(items.map((t) => [t.titleKey, t.titleParams])).toEqual([["task.regularContact", '{"days":30}']]);
  });

  it("an order on an accountable account puts the check-in on the owner's follow-ups at once", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "accountable", ownerId: am.id });
    const orderedAt = Date.now() - DAY;
    await callerFor(db, am).orders.create({
      accountId: a,
      orderedAt,
      amount: 5_000,
      margin: 500,
      externalRef: "SO-1",
    });
    const { items } = await callerFor(db, am).tasks.myFollowUps({});
    expect(items.map((t) => [t.title, t.dueAt])).toEqual([
      ["Check-in call after order SO-1", orderedAt + 7 * DAY],
    ]);
  });

  it("choosing the partnership level starts its cadence", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { level: "reactive", ownerId: am.id });
    await callerFor(db, am).levels.setPractised({ accountId: a, level: "partnership" });
    expect(taskRows(db).map((t) => t.kind)).toEqual(["cadence_contact", "joint_review"]);
  });
});
