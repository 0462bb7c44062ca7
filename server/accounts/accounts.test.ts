import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, auditLog, contacts, ladderMoves } from "@/db/schema";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { insertAccount, invalidFields } from "./accounts.fixtures";

const base = { kind: "company" as const, level: "reactive" as const };

describe("creating accounts", () => {
  it("an account manager's new account is theirs, starts as a suspect and records who put it on the ladder", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    const bob = addUser(db, "account_manager", "Bob");
    const { id } = await callerFor(db, ann).accounts.create({
      ...base,
      name: "  上海王伟机械  ",
      ownerId: bob.id,
    });
    const row = db.select().from(accounts).where(eq(accounts.id, id)).get();
    expect(row).toMatchObject({
      name: "上海王伟机械",
      ownerId: ann.id,
      rung: "suspect",
      status: "active",
      orderCount: 0,
    });
    const moves = db.select().from(ladderMoves).all();
    expect(moves.map((m) => [m.fromRung, m.toRung, m.toStatus, m.byUserId])).toEqual([
      [null, "suspect", "active", ann.id],
    ]);
    const audit = db.select().from(auditLog).all();
    expect(audit.map((a) => [a.action, a.entityId, a.actorId])).toEqual([
      ["account.create", String(id), ann.id],
    ]);
  });

  it("a sales lead may give the new account to a manager and start it as a prospect", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    const ann = addUser(db, "account_manager", "Ann");
    const { id } = await callerFor(db, lead).accounts.create({
      ...base,
      name: "Acme",
      ownerId: ann.id,
      rung: "prospect",
    });
    const got = await callerFor(db, lead).accounts.get({ id });
    expect(got).toMatchObject({ ownerId: ann.id, ownerName: "Ann", rung: "prospect" });
  });

  it("refuses an owner who cannot hold accounts", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const exec = addUser(db, "executive");
    await expect(
      callerFor(db, admin).accounts.create({ ...base, name: "Acme", ownerId: exec.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(db.select().from(accounts).all()).toHaveLength(0);
  });

  it("refuses a duplicate external reference with a message on that field and creates nothing", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "account_manager"));
    await caller.accounts.create({ ...base, name: "One", externalRef: "ERP-1" });
    await expect(
      caller.accounts.create({ ...base, name: "Two", externalRef: "ERP-1" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { externalRef: [expect.any(String)] },
    });
    expect(db.select().from(accounts).all()).toHaveLength(1);
    expect(db.select().from(ladderMoves).all()).toHaveLength(1);
  });

  it("rejects a blank or overlong name and an unknown kind as bad input", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "admin"));
    await expect(caller.accounts.create({ ...base, name: "   " })).rejects.toSatisfy((e) =>
      invalidFields(e).includes("name"),
    );
    await expect(caller.accounts.create({ ...base, name: "x".repeat(201) })).rejects.toSatisfy((e) =>
      invalidFields(e).includes("name"),
    );
    // @ts-expect-error deliberately bad input
    await expect(caller.accounts.create({ ...base, kind: "robot", name: "R" })).rejects.toSatisfy((e) =>
      invalidFields(e).includes("kind"),
    );
    expect(db.select().from(accounts).all()).toHaveLength(0);
  });
});

describe("editing accounts", () => {
  it("renames an account, keeps the fields not sent, and audits only what changed", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager");
    const id = insertAccount(db, { name: "Old", ownerId: ann.id, segment: "smb", industry: "food" });
    await callerFor(db, ann).accounts.update({ id, name: "New NAME", segment: "" });
    const row = db.select().from(accounts).where(eq(accounts.id, id)).get();
    expect(row).toMatchObject({ name: "New NAME", searchName: "new name", segment: null, industry: "food" });
    const audit = db.select().from(auditLog).all();
    expect(JSON.parse(audit[0]?.changes ?? "{}")).toEqual({
      name: ["Old", "New NAME"],
      segment: ["smb", null],
    });
  });

  it("an account manager cannot reassign even their own account; a sales lead can", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager");
    const bob = addUser(db, "account_manager");
    const id = insertAccount(db, { name: "Acme", ownerId: ann.id });
    await expect(callerFor(db, ann).accounts.update({ id, ownerId: bob.id })).rejects.toMatchObject({
      fieldErrors: { ownerId: [expect.any(String)] },
    });
    expect(db.select().from(accounts).get()?.ownerId).toBe(ann.id);
    await callerFor(db, addUser(db, "sales_lead")).accounts.update({ id, ownerId: bob.id });
    expect(db.select().from(accounts).get()?.ownerId).toBe(bob.id);
  });

  it("refuses to take another account's external reference", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    insertAccount(db, { name: "A", externalRef: "ERP-1" });
    const b = insertAccount(db, { name: "B" });
    await expect(callerFor(db, admin).accounts.update({ id: b, externalRef: "ERP-1" })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        fieldErrors: { externalRef: [expect.any(String)] },
      },
    );
  });

  it("an unknown account is not found, for reading and for editing", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "admin"));
    await expect(caller.accounts.get({ id: 999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.accounts.update({ id: 999, name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      caller.orders.create({ accountId: 999, orderedAt: 1, amount: 1, margin: 0 }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("the account page", () => {
  it("shows the key figures with margin as a share of revenue, and contacts by name", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    const id = insertAccount(db, {
      name: "Acme",
      ownerId: ann.id,
      orderCount: 4,
      revenue: 80_000,
      margin: 12_345,
      firstOrderAt: 1,
      lastOrderAt: 9,
    });
    const caller = callerFor(db, ann);
    await caller.contacts.create({
      accountId: id,
      name: "Zhao Lei",
      email: "ZHAO@Example.com",
      phone: "+86 21 5555 0000",
    });
    await caller.contacts.create({ accountId: id, name: "Amy Chen", title: "Buyer" });
    const page = await caller.accounts.get({ id });
    expect(page.figures).toEqual({
      firstOrderAt: 1,
      lastOrderAt: 9,
      orderCount: 4,
      revenue: 80_000,
      margin: 12_345,
      marginPct: 15.4,
    });
    expect(page.contacts.map((c) => [c.name, c.email, c.title])).toEqual([
      ["Amy Chen", null, "Buyer"],
      ["Zhao Lei", "zhao@example.com", null],
    ]);
    expect(page).not.toHaveProperty("searchName");
  });

  it("has no margin percentage before the first order", async () => {
    const db = createTestDb();
    const id = insertAccount(db, { name: "New" });
    const page = await callerFor(db, addUser(db, "executive")).accounts.get({ id });
    expect(page.figures.marginPct).toBeNull();
  });

  it("shows ladder history newest first with who moved the account", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager", "Ann");
    const caller = callerFor(db, ann);
    const { id } = await caller.accounts.create({ ...base, name: "Acme" });
    await caller.orders.create({
      accountId: id,
      externalRef: "SO-1",
      orderedAt: Date.now() - 86_400_000,
      amount: 10,
      margin: 1,
    });
    const history = await caller.ladder.history({ accountId: id });
    expect(history.map((m) => [m.fromRung, m.toRung, m.byUserName, m.reason])).toEqual([
      ["suspect", "first_time", null, "order"],
      [null, "suspect", "Ann", "created"],
    ]);
    expect(history[0]?.evidence).toMatchObject({ externalRef: "SO-1" });
  });
});

describe("contacts", () => {
  it("adds, edits and removes a contact, auditing each", async () => {
    const db = createTestDb();
    const ann = addUser(db, "account_manager");
    const id = insertAccount(db, { name: "Acme", ownerId: ann.id });
    const caller = callerFor(db, ann);
    const contact = await caller.contacts.create({ accountId: id, name: " Li Na ", phone: "" });
    expect(contact).toMatchObject({ name: "Li Na", phone: null });
    await caller.contacts.update({ id: contact.id, title: "Director" });
    expect(db.select().from(contacts).get()).toMatchObject({ name: "Li Na", title: "Director" });
    await caller.contacts.delete({ id: contact.id });
    expect(db.select().from(contacts).all()).toEqual([]);
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toEqual(["contact.create", "contact.update", "contact.delete"]);
  });

  it("rejects a malformed email or phone with field messages", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const id = insertAccount(db, { name: "Acme" });
    const caller = callerFor(db, admin);
    await expect(
      caller.contacts.create({ accountId: id, name: "A", email: "not-an-email" }),
    ).rejects.toSatisfy((e) => invalidFields(e).includes("email"));
    await expect(caller.contacts.create({ accountId: id, name: "A", phone: "call me" })).rejects.toSatisfy(
      (e) => invalidFields(e).includes("phone"),
    );
    await expect(caller.contacts.update({ id: 12345, name: "A" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(db.select().from(contacts).all()).toEqual([]);
  });
});
