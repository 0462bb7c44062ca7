import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, users } from "@/db/schema";
import { addUser, callerFor, createTestDb } from "../test/harness";

describe("users router", () => {
  it("refuses a caller who is not signed in", async () => {
    const db = createTestDb();
    await expect(callerFor(db, null).users.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("remembers a user's language and audits the change", async () => {
    const db = createTestDb();
    const me = addUser(db, "executive");
    await callerFor(db, me).users.setLocale({ locale: "zh" });
    expect(db.select().from(users).where(eq(users.id, me.id)).get()?.locale).toBe("zh");
    const audit = db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.changes ?? "{}")).toEqual({ locale: ["en", "zh"] });
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
