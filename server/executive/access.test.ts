// Who reaches the executive view follows the executiveViewers setting (issue #6 §5).
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { addUser, callerFor, createTestDb } from "../test/harness";

const range = { grain: "month" as const, from: "2026-01", to: "2026-03" };

async function code(call: Promise<unknown>) {
  try {
    await call;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : "?";
  }
}

describe("executive view access", () => {
  it("executives, sales leads and admins by default; an admin can let account managers in and keep sales leads out", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const manager = addUser(db, "account_manager");
    const lead = addUser(db, "sales_lead");
    const exec = addUser(db, "executive");
    expect(await code(callerFor(db, manager).executive.overview(range))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, lead).executive.overview(range))).toBe("OK");
    expect(await code(callerFor(db, exec).executive.value())).toBe("OK");

    await callerFor(db, admin).settings.setExecutiveViewers({
      roles: ["executive", "account_manager", "admin"],
    });
    expect(await callerFor(db, admin).settings.executiveViewers()).toEqual([
      "executive",
      "account_manager",
      "admin",
    ]);
    expect(await code(callerFor(db, manager).executive.overview(range))).toBe("OK");
    expect(await code(callerFor(db, lead).executive.overview(range))).toBe("FORBIDDEN");
  });

  it("the range pickers' first period follows the same access, and a bad grain is refused", async () => {
    const db = createTestDb();
    const manager = addUser(db, "account_manager");
    const exec = addUser(db, "executive");
    expect(await callerFor(db, exec).executive.firstPeriod({ grain: "quarter" })).toEqual({ first: null });
    expect(await code(callerFor(db, manager).executive.firstPeriod({ grain: "month" }))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, exec).executive.firstPeriod({ grain: "week" as "month" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("only admins change it, and an unknown role is refused", async () => {
    const db = createTestDb();
    const exec = addUser(db, "executive");
    const admin = addUser(db, "admin");
    expect(await code(callerFor(db, exec).settings.setExecutiveViewers({ roles: ["executive"] }))).toBe(
      "FORBIDDEN",
    );
    expect(await code(callerFor(db, admin).settings.setExecutiveViewers({ roles: ["ceo" as "admin"] }))).toBe(
      "BAD_REQUEST",
    );
  });
});
