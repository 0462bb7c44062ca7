import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { recordAudit } from "./audit.queries";

function seedLog(db: Db) {
  const ada = addUser(db, "admin", "Ada Admin");
  const mia = addUser(db, "account_manager", "Mia Manager");
  const entries = [
    {
      actorId: mia.id,
      action: "account.create",
      entity: "account",
      entityId: 7,
      at: 1_000,
      after: { name: "Acme" },
    },
    {
      actorId: mia.id,
      action: "account.update",
      entity: "account",
      entityId: 7,
      at: 2_000,
      before: { name: "Acme" },
      after: { name: "Acme Ltd" },
    },
    { actorId: ada.id, action: "user.set_role", entity: "user", entityId: mia.id, at: 2_000 },
    { actorId: mia.id, action: "contact.create", entity: "contact", entityId: 3, at: 3_000 },
    { actorId: null, action: "account.lapse", entity: "account", entityId: 8, at: 4_000 },
  ];
  for (const e of entries) recordAudit(db, e);
  return { ada, mia };
}

describe("audit.list", () => {
  it.each(ALL_ROLES.map((role) => [role, role === "admin"] as const))(
    "as %s → allowed: %s",
    async (role, allowed) => {
      const db = createTestDb();
      seedLog(db);
      const call = callerFor(db, addUser(db, role)).audit.list({});
      if (allowed) await expect(call).resolves.toMatchObject({ items: expect.any(Array) });
      else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    },
  );

  it("refuses a caller who is not signed in", async () => {
    const db = createTestDb();
    await expect(callerFor(db, null).audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("shows newest first with who did it and the changed fields, paging without repeats", async () => {
    const db = createTestDb();
    const { ada } = seedLog(db);
    const caller = callerFor(db, ada);
    const first = await caller.audit.list({ limit: 2 });
    expect(first.items.map((i) => [i.action, i.actorName])).toEqual([
      ["account.lapse", null],
      ["contact.create", "Mia Manager"],
    ]);
    // Two entries share at = 2000: the id breaks the tie, so the page boundary between them is stable.
    const second = await caller.audit.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.action)).toEqual(["user.set_role", "account.update"]);
    expect(second.items[1]?.changes).toEqual({ name: ["Acme", "Acme Ltd"] });
    const third = await caller.audit.list({ limit: 2, cursor: second.nextCursor });
    expect(third.items.map((i) => i.action)).toEqual(["account.create"]);
    expect(third.nextCursor).toBeNull();
  });

  it("filters by entity, by one record, and by actor", async () => {
    const db = createTestDb();
    const { ada, mia } = seedLog(db);
    const caller = callerFor(db, ada);
    const actions = async (input: Parameters<typeof caller.audit.list>[0]) =>
      (await caller.audit.list(input)).items.map((i) => i.action);
    expect(await actions({ entity: "account" })).toEqual([
      "account.lapse",
      "account.update",
      "account.create",
    ]);
    expect(await actions({ entity: "account", entityId: "7" })).toEqual(["account.update", "account.create"]);
    expect(await actions({ actorId: ada.id })).toEqual(["user.set_role"]);
    expect(await actions({ actorId: mia.id, entity: "contact" })).toEqual(["contact.create"]);
    expect(await actions({ entity: "invoice" })).toEqual([]);
  });

  it("rejects a limit over 100 instead of scanning the whole log", async () => {
    const db = createTestDb();
    const { ada } = seedLog(db);
    await expect(callerFor(db, ada).audit.list({ limit: 5000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("what the log records", () => {
  it("a save that changed nothing leaves no entry; a nested setting names the part that changed", () => {
    const db = createTestDb();
    const base = { actorId: null, action: "account.update", entity: "account", entityId: 1 };
    expect(recordAudit(db, { ...base, before: { name: "Acme" }, after: { name: "Acme" } })).toBe(false);
    expect(
      recordAudit(db, {
        ...base,
        action: "settings.update",
        entity: "setting",
        entityId: "levelThresholds",
        before: { value: { manyCustomersAtLeast: 1000, mediumCustomersAtLeast: 100 } },
        after: { value: { manyCustomersAtLeast: 1000, mediumCustomersAtLeast: 50 } },
      }),
    ).toBe(true);
    const rows = db.$client.prepare("SELECT action, changes FROM audit_log").all();
    expect(rows).toEqual([
      { action: "settings.update", changes: JSON.stringify({ "value.mediumCustomersAtLeast": [100, 50] }) },
    ]);
  });

  it("names the people a change refers to by id", async () => {
    const db = createTestDb();
    const ada = addUser(db, "admin", "Ada Admin");
    const mia = addUser(db, "account_manager", "Mia Manager");
    const sam = addUser(db, "account_manager", "Sam Seller");
    recordAudit(db, {
      actorId: ada.id,
      action: "account.update",
      entity: "account",
      entityId: 1,
      before: { ownerId: mia.id },
      after: { ownerId: sam.id },
    });
    const list = await callerFor(db, ada).audit.list({});
    expect(list.people).toEqual({ [mia.id]: "Mia Manager", [sam.id]: "Sam Seller" });
  });
});
