import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditLog, authAccounts, type Role, sessions, users } from "@/db/schema";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";

function auditRows(db: Db) {
  return db
    .select()
    .from(auditLog)
    .all()
    .map((r) => ({ ...r, changes: JSON.parse(r.changes ?? "{}") as Record<string, [unknown, unknown]> }));
}

function addSession(db: Db, userId: string, token: string) {
  db.insert(sessions)
    .values({ id: token, token, userId, expiresAt: new Date(Date.now() + 86_400_000), updatedAt: new Date() })
    .run();
}

const newUser = {
  name: "Nora New",
  email: "nora@ladder.test",
  role: "account_manager" as const,
  locale: "zh" as const,
  password: "a-long-password",
};

describe("users router: who may call what", () => {
  const adminOnly = ALL_ROLES.map((role) => [role, role === "admin"] as const);

  it.each(adminOnly)("users.list as %s → allowed: %s", async (role, allowed) => {
    const db = createTestDb();
    const me = addUser(db, role);
    const call = callerFor(db, me).users.list({});
    if (allowed) await expect(call).resolves.toMatchObject({ items: [{ id: me.id }] });
    else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it.each(adminOnly)("users.create as %s → allowed: %s", async (role, allowed) => {
    const db = createTestDb();
    const me = addUser(db, role);
    const call = callerFor(db, me).users.create(newUser);
    if (allowed) await expect(call).resolves.toMatchObject({ email: "nora@ladder.test" });
    else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(users).where(eq(users.email, newUser.email)).all()).toHaveLength(allowed ? 1 : 0);
  });

  it.each(adminOnly)("users.setRole as %s → allowed: %s", async (role, allowed) => {
    const db = createTestDb();
    const me = addUser(db, role);
    const other = addUser(db, "account_manager");
    const call = callerFor(db, me).users.setRole({ id: other.id, role: "executive" });
    if (allowed) await expect(call).resolves.toMatchObject({ role: "executive" });
    else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stored = db.select().from(users).where(eq(users.id, other.id)).get();
    expect(stored?.role).toBe(allowed ? "executive" : "account_manager");
  });

  it.each(adminOnly)("users.setActive as %s → allowed: %s", async (role, allowed) => {
    const db = createTestDb();
    const me = addUser(db, role);
    const other = addUser(db, "account_manager");
    const call = callerFor(db, me).users.setActive({ id: other.id, active: false });
    if (allowed) await expect(call).resolves.toMatchObject({ active: false });
    else await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(db.select().from(users).where(eq(users.id, other.id)).get()?.active).toBe(!allowed);
  });

  it.each(ALL_ROLES)("users.assignable and users.me are open to %s", async (role) => {
    const db = createTestDb();
    const me = addUser(db, role);
    await expect(callerFor(db, me).users.assignable()).resolves.toBeInstanceOf(Array);
    await expect(callerFor(db, me).users.me()).resolves.toMatchObject({ id: me.id, role });
  });

  it("refuses every procedure to a caller who is not signed in", async () => {
    const db = createTestDb();
    const anon = callerFor(db, null).users;
    const calls = [
      anon.me(),
      anon.assignable(),
      anon.list({}),
      anon.create(newUser),
      anon.setRole({ id: "x", role: "admin" }),
      anon.setActive({ id: "x", active: false }),
      anon.setLocale({ locale: "zh" }),
    ];
    for (const call of calls) await expect(call).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("users.list", () => {
  function company(db: Db) {
    const admin = addUser(db, "admin", "Ada Admin");
    addUser(db, "account_manager", "王芳");
    addUser(db, "account_manager", "Mia Manager");
    addUser(db, "sales_lead", "Leo Lead");
    const gone = addUser(db, "executive", "Zed Gone");
    db.update(users).set({ active: false }).where(eq(users.id, gone.id)).run();
    return admin;
  }

  it("lists everyone by name and pages with a cursor without repeats or gaps", async () => {
    const db = createTestDb();
    const caller = callerFor(db, company(db));
    const first = await caller.users.list({ limit: 2 });
    expect(first.items.map((u) => u.name)).toEqual(["Ada Admin", "Leo Lead"]);
    const second = await caller.users.list({ limit: 2, cursor: first.nextCursor });
    expect(second.items.map((u) => u.name)).toEqual(["Mia Manager", "Zed Gone"]);
    const third = await caller.users.list({ limit: 2, cursor: second.nextCursor });
    expect(third.items.map((u) => u.name)).toEqual(["王芳"]);
    expect(third.nextCursor).toBeNull();
  });

  it("searches name (Chinese too) and email case-insensitively, and filters by role and active", async () => {
    const db = createTestDb();
    const caller = callerFor(db, company(db));
    const names = async (input: Parameters<typeof caller.users.list>[0]) =>
      (await caller.users.list(input)).items.map((u) => u.name);
    expect(await names({ q: "LEAD" })).toEqual(["Leo Lead"]);
    expect(await names({ q: "王" })).toEqual(["王芳"]);
    expect(await names({ q: "@TEST.local", role: "admin" })).toEqual(["Ada Admin"]);
    expect(await names({ role: "account_manager" })).toEqual(["Mia Manager", "王芳"]);
    expect(await names({ active: false })).toEqual(["Zed Gone"]);
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("never returns password hashes", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const caller = callerFor(db, admin);
    await caller.users.create(newUser);
    const page = await caller.users.list({});
    expect(JSON.stringify(page)).not.toMatch(/password|scrypt|hash/i);
  });
});

describe("users.create", () => {
  it("creates a user who can be found, with a hashed password and an audit entry without secrets", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const created = await callerFor(db, admin).users.create({ ...newUser, email: "  Nora@Ladder.TEST " });
    expect(created).toMatchObject({ name: "Nora New", email: "nora@ladder.test", role: "account_manager" });
    const stored = db.select().from(users).where(eq(users.id, created.id)).get();
    expect(stored).toMatchObject({ locale: "zh", active: true });
    const credential = db.select().from(authAccounts).where(eq(authAccounts.userId, created.id)).get();
    expect(credential?.providerId).toBe("credential");
    expect(credential?.password).not.toContain(newUser.password);

    const [entry, ...rest] = auditRows(db);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({
      actorId: admin.id,
      action: "user.create",
      entity: "user",
      entityId: created.id,
    });
    expect(entry?.changes).toEqual({
      name: [null, "Nora New"],
      email: [null, "nora@ladder.test"],
      role: [null, "account_manager"],
      locale: [null, "zh"],
      active: [null, true],
    });
    const raw = db.select().from(auditLog).get()?.changes ?? "";
    expect(raw).not.toContain(newUser.password);
    expect(raw).not.toContain(credential?.password ?? "never");
    expect(raw).not.toMatch(/password/i);
  });

  it("refuses a duplicate email (in any letter case) on the email field and changes nothing", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const caller = callerFor(db, admin);
    await caller.users.create(newUser);
    const error = await caller.users
      .create({ ...newUser, name: "Other Nora", email: "NORA@ladder.test" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT" });
    expect((error as { fieldErrors?: Record<string, string[]> }).fieldErrors).toEqual({
      email: ["A user with this email address already exists."],
    });
    expect(db.select().from(users).all()).toHaveLength(2);
    expect(auditRows(db)).toHaveLength(1);
  });

  it.each([
    ["a password shorter than 10 characters", { password: "short-pw1" }, "password"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["an empty name", { name: "   " }, "name"],
    ["an unknown role", { role: "superuser" }, "role"],
    ["an unknown language", { locale: "fr" }, "locale"],
  ])("rejects %s as BAD_REQUEST on that field", async (_label, patch, field) => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const error = await callerFor(db, admin)
      // @ts-expect-error deliberately bad input
      .users.create({ ...newUser, ...patch })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const issues = (error as { cause?: { issues?: Array<{ path: string[] }> } }).cause?.issues ?? [];
    expect(issues.map((i) => i.path[0])).toEqual([field]);
    expect(db.select().from(users).all()).toHaveLength(1);
  });
});

describe("users.setRole", () => {
  it("changes the role and audits before → after", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const mia = addUser(db, "account_manager");
    await callerFor(db, admin).users.setRole({ id: mia.id, role: "sales_lead" });
    expect(db.select().from(users).where(eq(users.id, mia.id)).get()?.role).toBe("sales_lead");
    expect(auditRows(db)).toMatchObject([
      {
        actorId: admin.id,
        action: "user.set_role",
        entityId: mia.id,
        changes: { role: ["account_manager", "sales_lead"] },
      },
    ]);
  });

  it("refuses an admin demoting themself, and keeps them admin", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    await expect(
      callerFor(db, admin).users.setRole({ id: admin.id, role: "executive" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "You cannot change your own role.",
    });
    expect(db.select().from(users).where(eq(users.id, admin.id)).get()?.role).toBe("admin");
    expect(auditRows(db)).toHaveLength(0);
  });

  it("lets one admin demote another admin", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const other = addUser(db, "admin");
    await callerFor(db, admin).users.setRole({ id: other.id, role: "executive" });
    expect(db.select().from(users).where(eq(users.id, other.id)).get()?.role).toBe("executive");
  });

  it("writes nothing when the role does not change", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const mia = addUser(db, "account_manager");
    await callerFor(db, admin).users.setRole({ id: mia.id, role: "account_manager" });
    expect(auditRows(db)).toHaveLength(0);
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    await expect(callerFor(db, admin).users.setRole({ id: "nobody", role: "admin" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("users.setActive", () => {
  it("deactivating signs the user out everywhere and is audited; other users keep their sessions", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const mia = addUser(db, "account_manager");
    addSession(db, mia.id, "mia-laptop");
    addSession(db, mia.id, "mia-phone");
    addSession(db, admin.id, "admin-laptop");
    await callerFor(db, admin).users.setActive({ id: mia.id, active: false });
    expect(db.select().from(users).where(eq(users.id, mia.id)).get()?.active).toBe(false);
    expect(
      db
        .select()
        .from(sessions)
        .all()
        .map((s) => s.id),
    ).toEqual(["admin-laptop"]);
    expect(auditRows(db)).toMatchObject([
      { actorId: admin.id, action: "user.deactivate", entityId: mia.id, changes: { active: [true, false] } },
    ]);
  });

  it("reactivates a user, audited as activate", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const mia = addUser(db, "account_manager");
    const caller = callerFor(db, admin);
    await caller.users.setActive({ id: mia.id, active: false });
    await caller.users.setActive({ id: mia.id, active: true });
    expect(db.select().from(users).where(eq(users.id, mia.id)).get()?.active).toBe(true);
    expect(auditRows(db).map((r) => [r.action, r.changes])).toEqual([
      ["user.deactivate", { active: [true, false] }],
      ["user.activate", { active: [false, true] }],
    ]);
  });

  it("refuses an admin deactivating themself, and leaves their session alone", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    addSession(db, admin.id, "admin-laptop");
    await expect(callerFor(db, admin).users.setActive({ id: admin.id, active: false })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: "You cannot deactivate yourself.",
      },
    );
    expect(db.select().from(users).where(eq(users.id, admin.id)).get()?.active).toBe(true);
    expect(db.select().from(sessions).all()).toHaveLength(1);
    expect(auditRows(db)).toHaveLength(0);
  });
});

describe("users.assignable", () => {
  it("lists active account managers, sales leads and admins by name, nobody else", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin", "Ada Admin");
    addUser(db, "account_manager", "Mia Manager");
    addUser(db, "sales_lead", "Leo Lead");
    addUser(db, "service_agent", "Sara Service");
    addUser(db, "executive", "Eve Executive");
    const gone = addUser(db, "account_manager", "Gus Gone");
    await callerFor(db, admin).users.setActive({ id: gone.id, active: false });
    const list = await callerFor(db, addUser(db, "service_agent")).users.assignable();
    expect(list.map((u) => [u.name, u.role] as [string, Role])).toEqual([
      ["Ada Admin", "admin"],
      ["Leo Lead", "sales_lead"],
      ["Mia Manager", "account_manager"],
    ]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(["id", "name", "role"]);
  });
});

describe("users.setLocale", () => {
  it("remembers a user's language and audits the change", async () => {
    const db = createTestDb();
    const me = addUser(db, "executive");
    await callerFor(db, me).users.setLocale({ locale: "zh" });
    expect(db.select().from(users).where(eq(users.id, me.id)).get()?.locale).toBe("zh");
    expect(auditRows(db).map((r) => r.changes)).toEqual([{ locale: ["en", "zh"] }]);
  });

  it("choosing the language already saved writes no audit entry", async () => {
    const db = createTestDb();
    const me = addUser(db, "executive");
    await callerFor(db, me).users.setLocale({ locale: "en" });
    expect(auditRows(db)).toHaveLength(0);
  });

  it("rejects an unknown language with a field message", async () => {
    const db = createTestDb();
    const me = addUser(db, "admin");
    // @ts-expect-error deliberately bad input
    await expect(callerFor(db, me).users.setLocale({ locale: "fr" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
