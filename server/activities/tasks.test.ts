import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, tasks, users } from "@/db/schema";
import { fieldErrorsOf, insertTestAccount, insertTestTask, T0 } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { listTasksForAccount, setTaskDone } from "./tasks.queries";

const DAY = 86_400_000;

function setup() {
  const db = createTestDb();
  const manager = addUser(db, "account_manager", "Mei Lin");
  const lead = addUser(db, "sales_lead", "Zhang Qiang");
  const accountId = insertTestAccount(db, { ownerId: manager.id, name: "Acme" });
  return { db, manager, lead, accountId };
}

describe("creating a task", () => {
  it("assigns it to the creator by default and audits it", async () => {
    const { db, manager, accountId } = setup();
    const created = await callerFor(db, manager).tasks.create({
      accountId,
      title: "  Send the price list ",
      dueAt: T0 + DAY,
    });
    expect(created).toMatchObject({ title: "Send the price list", dueAt: T0 + DAY, assigneeId: manager.id });
    const row = db.select().from(tasks).where(eq(tasks.id, created.id)).get();
    expect(row).toMatchObject({ createdById: manager.id, doneAt: null, accountId });
    const audit = db.select().from(auditLog).all();
    expect(audit.map((a) => a.action)).toEqual(["task.create"]);
  });

  it("lets a sales lead assign it to the account manager", async () => {
    const { db, manager, lead, accountId } = setup();
    const created = await callerFor(db, lead).tasks.create({
      accountId,
      title: "Check in after delivery",
      dueAt: T0,
      assigneeId: manager.id,
    });
    expect(created.assigneeId).toBe(manager.id);
  });

  it("refuses an assignee who cannot hold tasks: another manager for a manager, an executive, an inactive user", async () => {
    const { db, manager, lead, accountId } = setup();
    const otherManager = addUser(db, "account_manager");
    const executive = addUser(db, "executive");
    const gone = addUser(db, "sales_lead");
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();
    const input = { accountId, title: "Call", dueAt: T0 };
    for (const [actor, assigneeId] of [
      [manager, otherManager.id],
      [lead, executive.id],
      [lead, gone.id],
      [lead, "no-such-user"],
    ] as const) {
      expect(await fieldErrorsOf(callerFor(db, actor).tasks.create({ ...input, assigneeId }))).toEqual({
        assigneeId: ["assigneeNotAllowed"],
      });
    }
    expect(db.select().from(tasks).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(0);
  });

  it("refuses a missing or too long title and a missing due date, with field errors", async () => {
    const { db, manager, accountId } = setup();
    const caller = callerFor(db, manager);
    expect(await fieldErrorsOf(caller.tasks.create({ accountId, title: " ", dueAt: Number.NaN }))).toEqual({
      title: ["required"],
      dueAt: ["invalidDate"],
    });
    expect(
      await fieldErrorsOf(caller.tasks.create({ accountId, title: "x".repeat(201), dueAt: T0 })),
    ).toEqual({
      title: ["titleTooLong"],
    });
    expect(db.select().from(tasks).all()).toHaveLength(0);
  });

  it("answers NOT_FOUND for an unknown account", async () => {
    const { db, lead } = setup();
    await expect(
      callerFor(db, lead).tasks.create({ accountId: 999, title: "x", dueAt: T0 }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("an account's tasks", () => {
  it("lists open tasks by due date, then done ones most recently done first when asked", async () => {
    const { db, manager, accountId } = setup();
    const other = insertTestAccount(db, { ownerId: manager.id, name: "Other" });
    const later = insertTestTask(db, {
      accountId,
      assigneeId: manager.id,
      dueAt: T0 + 2 * DAY,
      title: "later",
    });
    const sooner = insertTestTask(db, {
      accountId,
      assigneeId: manager.id,
      dueAt: T0 - DAY,
      title: "sooner",
    });
    const doneFirst = insertTestTask(db, { accountId, assigneeId: manager.id, dueAt: T0, doneAt: T0 - 5 });
    const doneLast = insertTestTask(db, {
      accountId,
      assigneeId: manager.id,
      dueAt: T0 - 9 * DAY,
      doneAt: T0,
    });
    insertTestTask(db, { accountId: other, assigneeId: manager.id, dueAt: T0 });

    const open = await callerFor(db, manager).tasks.listForAccount({ accountId });
    expect(open.items.map((t) => t.id)).toEqual([sooner, later]);
    expect(open.items[0]).toEqual({
      id: sooner,
      title: "sooner",
      // Typed by a person: no message key.
      titleKey: null,
      titleParams: null,
      dueAt: T0 - DAY,
      doneAt: null,
      assigneeId: manager.id,
      assigneeName: "Mei Lin",
    });
    const all = listTasksForAccount(db, { accountId, includeDone: true });
    expect(all.items.map((t) => t.id)).toEqual([sooner, later, doneLast, doneFirst]);
  });

  it("offers a manager only themself as assignee, and a lead every active manager, lead and admin", async () => {
    const { db, manager, lead, accountId } = setup();
    addUser(db, "executive", "Exec");
    addUser(db, "service_agent", "Agent");
    const admin = addUser(db, "admin", "Admin");
    expect(await callerFor(db, manager).tasks.assignees({ accountId })).toEqual([
      { id: manager.id, name: "Mei Lin", role: "account_manager", isAccountOwner: true },
    ]);
    expect(await callerFor(db, lead).tasks.assignees({ accountId })).toEqual([
      { id: admin.id, name: "Admin", role: "admin", isAccountOwner: false },
      { id: manager.id, name: "Mei Lin", role: "account_manager", isAccountOwner: true },
      { id: lead.id, name: "Zhang Qiang", role: "sales_lead", isAccountOwner: false },
    ]);
  });
});

describe("ticking tasks off", () => {
  it("ticks off and reopens, auditing both, and keeps the first done time when ticked twice", () => {
    const { db, manager, accountId } = setup();
    const id = insertTestTask(db, { accountId, assigneeId: manager.id, dueAt: T0 });
    expect(setTaskDone(db, manager, { id, done: true }, T0 + 10)).toEqual({ id, doneAt: T0 + 10 });
    expect(setTaskDone(db, manager, { id, done: true }, T0 + 20)).toEqual({ id, doneAt: T0 + 10 });
    expect(db.select().from(tasks).where(eq(tasks.id, id)).get()?.doneAt).toBe(T0 + 10);
    expect(setTaskDone(db, manager, { id, done: false }, T0 + 30)).toEqual({ id, doneAt: null });
    expect(db.select().from(tasks).where(eq(tasks.id, id)).get()?.doneAt).toBeNull();
    const audit = db.select().from(auditLog).all();
    expect(audit.map((a) => [a.action, JSON.parse(a.changes ?? "{}")])).toEqual([
      ["task.complete", { doneAt: [null, T0 + 10] }],
      ["task.reopen", { doneAt: [T0 + 10, null] }],
    ]);
  });

  it("lets the assignee tick their own task on another manager's account", async () => {
    const { db, manager, lead, accountId } = setup();
    const helper = addUser(db, "account_manager");
    const { id } = await callerFor(db, lead).tasks.create({
      accountId,
      title: "Cover the visit",
      dueAt: T0,
      assigneeId: helper.id,
    });
    await expect(callerFor(db, helper).tasks.setDone({ id, done: true })).resolves.toMatchObject({ id });
    // …but not the owner's other tasks there.
    const ownersTask = insertTestTask(db, { accountId, assigneeId: manager.id, dueAt: T0 });
    await expect(callerFor(db, helper).tasks.setDone({ id: ownersTask, done: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("answers NOT_FOUND for an unknown task", async () => {
    const { db, manager } = setup();
    await expect(callerFor(db, manager).tasks.setDone({ id: 12345, done: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
