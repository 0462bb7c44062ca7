import { describe, expect, it } from "vitest";
import { auditLog, authAccounts, users } from "@/db/schema";
import { createTestDb } from "../test/harness";
import { createUserFromCli } from "./user-create";

describe("npm run user:create", () => {
  it("creates a user with the password from standard input, audited as the system", async () => {
    const db = createTestDb();
    const result = await createUserFromCli(
      db,
      { email: " Ada@Example.com ", name: "Ada", role: "admin" },
      "piped-password-1",
    );
    expect(result).toMatchObject({ ok: true, email: "ada@example.com", generatedPassword: null });
    expect(db.select().from(users).get()).toMatchObject({
      email: "ada@example.com",
      role: "admin",
      locale: "en",
    });
    expect(db.select().from(authAccounts).get()?.password).not.toContain("piped-password-1");
    expect(db.select().from(auditLog).get()).toMatchObject({ actorId: null, action: "user.create" });
  });

  it("generates a strong password when none is piped, and returns it to be printed once", async () => {
    const db = createTestDb();
    const result = await createUserFromCli(
      db,
      { email: "li@example.com", name: "李明", role: "sales_lead", locale: "zh" },
      null,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it("refuses an unknown role, a short password and a taken email with plain messages", async () => {
    const db = createTestDb();
    expect(
      await createUserFromCli(db, { email: "a@example.com", name: "A", role: "boss" }, "long-enough-1"),
    ).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^--role: /)],
    });
    expect(
      await createUserFromCli(db, { email: "a@example.com", name: "A", role: "admin" }, "short"),
    ).toMatchObject({
      ok: false,
      errors: ["--password: The password needs at least 10 characters."],
    });
    await createUserFromCli(db, { email: "a@example.com", name: "A", role: "admin" }, null);
    expect(
      await createUserFromCli(db, { email: "A@example.com", name: "B", role: "admin" }, null),
    ).toMatchObject({
      ok: false,
      errors: ["--email: A user with the email a@example.com already exists."],
    });
    expect(db.select().from(users).all()).toHaveLength(1);
  });
});
