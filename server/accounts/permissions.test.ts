// Every accounts/contacts/orders/ladder procedure against every role (issue #2's table), called directly.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, auditLog, contacts, orders, type Role } from "@/db/schema";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { insertAccount } from "./accounts.fixtures";

const EDITORS_OF_ANY: readonly Role[] = ["sales_lead", "admin"];

/** An account owned by another manager, with one contact, and a caller of the given role. */
function world(role: Role) {
  const db = createTestDb();
  const otherManager = addUser(db, "account_manager", "Other Manager");
  const me = addUser(db, role, "Me");
  const accountId = insertAccount(db, { name: "Theirs", ownerId: otherManager.id });
  const contactId = db
    .insert(contacts)
    .values({ accountId, name: "Kim", createdAt: 1, updatedAt: 1 })
    .returning({ id: contacts.id })
    .get().id;
  return { db, me, caller: callerFor(db, me), accountId, contactId, otherManager };
}

function snapshot(db: Db) {
  return {
    accounts: db.select().from(accounts).all(),
    contacts: db.select().from(contacts).all(),
    orders: db.select().from(orders).all(),
    audit: db.select().from(auditLog).all(),
  };
}

type World = ReturnType<typeof world>;
const writes: Record<string, (w: World) => Promise<unknown>> = {
  "accounts.update": (w) => w.caller.accounts.update({ id: w.accountId, name: "Renamed" }),
  "contacts.create": (w) => w.caller.contacts.create({ accountId: w.accountId, name: "New person" }),
  "contacts.update": (w) => w.caller.contacts.update({ id: w.contactId, title: "CEO" }),
  "contacts.delete": (w) => w.caller.contacts.delete({ id: w.contactId }),
  "orders.create": (w) =>
    w.caller.orders.create({ accountId: w.accountId, orderedAt: 1, amount: 100, margin: 10 }),
};

describe("writes on another manager's account", () => {
  for (const [name, call] of Object.entries(writes)) {
    for (const role of ALL_ROLES) {
      const allowed = EDITORS_OF_ANY.includes(role);
      it(`${name}: ${role} is ${allowed ? "allowed" : "refused and nothing changes"}`, async () => {
        const w = world(role);
        const before = snapshot(w.db);
        if (allowed) {
          await expect(call(w)).resolves.toBeDefined();
          expect(snapshot(w.db).audit.length).toBeGreaterThan(before.audit.length);
        } else {
          await expect(call(w)).rejects.toMatchObject({ code: "FORBIDDEN" });
          expect(snapshot(w.db)).toEqual(before);
        }
      });
    }
  }
});

describe("writes on the caller's own account", () => {
  for (const [name, call] of Object.entries(writes)) {
    it(`${name}: an account manager may change an account they own`, async () => {
      const w = world("account_manager");
      w.db.update(accounts).set({ ownerId: w.me.id }).where(eq(accounts.id, w.accountId)).run();
      await expect(call(w)).resolves.toBeDefined();
    });
  }
});

describe("accounts.create by role", () => {
  for (const role of ALL_ROLES) {
    const allowed = role === "account_manager" || EDITORS_OF_ANY.includes(role);
    it(`${role} ${allowed ? "may" : "may not"} create an account`, async () => {
      const w = world(role);
      const call = w.caller.accounts.create({ kind: "company", name: "New Co", level: "basic" });
      if (allowed) await expect(call).resolves.toMatchObject({ id: expect.any(Number) });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    });
  }
});

describe("reads by role", () => {
  for (const role of ALL_ROLES) {
    it(`${role} reads the list, an account, its orders, its ladder history and the filter options`, async () => {
      const w = world(role);
      expect((await w.caller.accounts.list({})).items).toHaveLength(1);
      expect((await w.caller.accounts.get({ id: w.accountId })).name).toBe("Theirs");
      expect((await w.caller.orders.listForAccount({ accountId: w.accountId })).items).toEqual([]);
      expect(await w.caller.ladder.history({ accountId: w.accountId })).toEqual([]);
      expect((await w.caller.accounts.filterOptions()).owners.length).toBeGreaterThan(0);
    });
  }

  it("someone not signed in reads nothing and writes nothing", async () => {
    const w = world("admin");
    const anon = callerFor(w.db, null);
    await expect(anon.accounts.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.accounts.get({ id: w.accountId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.accounts.filterOptions()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anon.orders.listForAccount({ accountId: w.accountId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(anon.ladder.history({ accountId: w.accountId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(anon.accounts.create({ kind: "company", name: "X", level: "basic" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      anon.orders.create({ accountId: w.accountId, orderedAt: 1, amount: 1, margin: 0 }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("what the account page may offer", () => {
  const expected: Record<Role, [boolean, boolean, boolean, boolean, boolean, boolean]> = {
    // canEdit, canLogActivity, canWriteTasks, canReassign, canSeeComplaints, canRecordComplaint — on another
    // manager's account
    account_manager: [false, false, false, false, false, false],
    sales_lead: [true, true, true, true, true, true],
    service_agent: [false, true, false, false, true, true],
    executive: [false, false, false, false, true, false],
    admin: [true, true, true, true, true, true],
  };
  for (const role of ALL_ROLES) {
    it(`${role} gets the permissions the role table gives`, async () => {
      const w = world(role);
      const { permissions } = await w.caller.accounts.get({ id: w.accountId });
      const [canEdit, canLogActivity, canWriteTasks, canReassign, canSeeComplaints, canRecordComplaint] =
        expected[role];
      expect(permissions).toEqual({
        canEdit,
        canLogActivity,
        canWriteTasks,
        canReassign,
        canSeeComplaints,
        canRecordComplaint,
      });
    });
  }

  it("an account manager may edit, log, write tasks and record complaints on an account they own, but not reassign it", async () => {
    const w = world("account_manager");
    w.db.update(accounts).set({ ownerId: w.me.id }).where(eq(accounts.id, w.accountId)).run();
    const { permissions } = await w.caller.accounts.get({ id: w.accountId });
    expect(permissions).toEqual({
      canEdit: true,
      canLogActivity: true,
      canWriteTasks: true,
      canReassign: false,
      canSeeComplaints: true,
      canRecordComplaint: true,
    });
  });
});
