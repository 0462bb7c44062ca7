import { describe, expect, it } from "vitest";
import { auditLog, authAccounts, users } from "@/db/schema";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { demoSignInsExist } from "./setup.queries";

const admin = {
  name: "Ada 王",
  email: "Ada@Example.com",
  password: "a-long-password",
  confirmPassword: "a-long-password",
  locale: "zh" as const,
};

describe("first-run set-up", () => {
  it("on an empty database, creates the first admin with a hashed password and an audit entry", async () => {
    const db = createTestDb();
    const anon = callerFor(db, null);
    expect(await anon.setup.needed()).toBe(true);
    const created = await anon.setup.createAdmin(admin);
    expect(created.email).toBe("ada@example.com");
    expect(db.select().from(users).all()).toMatchObject([
      { name: "Ada 王", email: "ada@example.com", role: "admin", locale: "zh", active: true },
    ]);
    const credential = db.select().from(authAccounts).get();
    expect(credential?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(db.select().from(auditLog).all()).toMatchObject([{ actorId: null, action: "user.setup" }]);
    expect(await anon.setup.needed()).toBe(false);
  });

  it("refuses once a user exists: NOT_FOUND, and nobody is created", async () => {
    const db = createTestDb();
    addUser(db, "account_manager");
    await expect(callerFor(db, null).setup.createAdmin(admin)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(db.select().from(users).all()).toHaveLength(1);
  });

  it("of two set-ups sent at once, only one creates an admin", async () => {
    const db = createTestDb();
    const anon = callerFor(db, null);
    const results = await Promise.allSettled([
      anon.setup.createAdmin(admin),
      anon.setup.createAdmin({ ...admin, email: "mallory@example.com" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(db.select().from(users).all()).toHaveLength(1);
  });

  it.each([
    ["a short password", { password: "short", confirmPassword: "short" }, "password"],
    ["passwords that differ", { confirmPassword: "another-long-password" }, "confirmPassword"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["an empty name", { name: "  " }, "name"],
  ])("refuses %s on that field and creates nobody", async (_label, patch, field) => {
    const db = createTestDb();
    const error = await callerFor(db, null)
      .setup.createAdmin({ ...admin, ...patch })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    const issues = (error as { cause?: { issues?: Array<{ path: string[] }> } }).cause?.issues ?? [];
    expect(issues.map((i) => i.path[0])).toEqual([field]);
    expect(db.select().from(users).all()).toHaveLength(0);
  });

  it("mentions the demo sign-ins only where the demo's admin exists and is active", () => {
    const db = createTestDb();
    addUser(db, "admin");
    expect(demoSignInsExist(db)).toBe(false);
    const demoAdmin = DEMO_USERS.find((user) => user.role === "admin");
    if (!demoAdmin) throw new Error("the demo has an admin");
    db.insert(users)
      .values({ ...demoAdmin, emailVerified: true, active: true })
      .run();
    expect(demoSignInsExist(db)).toBe(true);
    db.update(users).set({ active: false }).run();
    expect(demoSignInsExist(db)).toBe(false);
  });
});
