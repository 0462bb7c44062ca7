// Who may call each levels, win-back and settings procedure, role by role, through the real router.
import { describe, expect, it } from "vitest";
import type { Role } from "@/db/schema";
import { fieldErrorsOf } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { DAY, makeAccount, NOW } from "./levels.fixtures";

function setup(role: Role) {
  const db = createTestDb();
  const owner = addUser(db, "account_manager");
  const user = role === "account_manager" ? owner : addUser(db, role);
  const other = addUser(db, "account_manager");
  const own = makeAccount(db, { ownerId: owner.id, status: "lapsed", level: "reactive" });
  const foreign = makeAccount(db, { ownerId: other.id, status: "lapsed", level: "reactive" });
  return { db, user, other, own, foreign, caller: callerFor(db, user) };
}

const outcome = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "error",
  );

const expected = {
  forAccount: { account_manager: "ok", sales_lead: "ok", service_agent: "ok", executive: "ok", admin: "ok" },
  setPractisedOwn: {
    account_manager: "ok",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "FORBIDDEN",
    admin: "ok",
  },
  setPractisedForeign: {
    account_manager: "FORBIDDEN",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "FORBIDDEN",
    admin: "ok",
  },
  lists: {
    account_manager: "ok",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "ok",
    admin: "ok",
  },
  overdueAll: {
    account_manager: "FORBIDDEN",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "ok",
    admin: "ok",
  },
  winbackStartOwn: {
    account_manager: "ok",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "FORBIDDEN",
    admin: "ok",
  },
  winbackStartForeign: {
    account_manager: "FORBIDDEN",
    sales_lead: "ok",
    service_agent: "FORBIDDEN",
    executive: "FORBIDDEN",
    admin: "ok",
  },
  settings: {
    account_manager: "FORBIDDEN",
    sales_lead: "FORBIDDEN",
    service_agent: "FORBIDDEN",
    executive: "FORBIDDEN",
    admin: "ok",
  },
} satisfies Record<string, Record<Role, string>>;

describe.each(ALL_ROLES)("as %s", (role) => {
  it("reads an account's levels", async () => {
    const { caller, own } = setup(role);
    expect(await outcome(caller.levels.forAccount({ accountId: own }))).toBe(expected.forAccount[role]);
  });

  it("sets the practised level on the owner's and on another manager's account", async () => {
    const { caller, own, foreign, db } = setup(role);
    expect(await outcome(caller.levels.setPractised({ accountId: own, level: "proactive" }))).toBe(
      expected.setPractisedOwn[role],
    );
    expect(await outcome(caller.levels.setPractised({ accountId: foreign, level: "proactive" }))).toBe(
      expected.setPractisedForeign[role],
    );
    const level = db.$client.prepare("SELECT level FROM accounts WHERE id = ?").pluck().get(foreign);
    expect(level).toBe(expected.setPractisedForeign[role] === "ok" ? "proactive" : "reactive");
  });

  it("opens the mismatch, overdue and win-back lists", async () => {
    const { caller } = setup(role);
    expect(await outcome(caller.levels.mismatches({}))).toBe(expected.lists[role]);
    expect(await outcome(caller.levels.overdue({}))).toBe(expected.lists[role]);
    expect(await outcome(caller.winback.list({}))).toBe(expected.lists[role]);
    expect(await outcome(caller.levels.overdue({ ownerId: "all" }))).toBe(expected.overdueAll[role]);
  });

  it("starts a win-back on the owner's and on another manager's account", async () => {
    const { caller, own, foreign } = setup(role);
    expect(await outcome(caller.winback.start({ accountId: own }))).toBe(expected.winbackStartOwn[role]);
    expect(await outcome(caller.winback.start({ accountId: foreign }))).toBe(
      expected.winbackStartForeign[role],
    );
  });

  it("reads and changes the admin settings", async () => {
    const { caller } = setup(role);
    expect(await outcome(caller.settings.get())).toBe(expected.settings[role]);
    expect(await outcome(caller.settings.setLapseWindow({ lapseWindowDays: 200 }))).toBe(
      expected.settings[role],
    );
    expect(
      await outcome(
        caller.settings.setCadence({
          accountableCheckInDays: 5,
          proactiveContactDays: 20,
          partnershipContactDays: 10,
          partnershipReviewDays: 60,
        }),
      ),
    ).toBe(expected.settings[role]);
    expect(
      await outcome(
        caller.settings.setLevelThresholds({
          manyCustomersAtLeast: 500,
          mediumCustomersAtLeast: 50,
          highMarginPct: 25,
          mediumMarginPct: 5,
        }),
      ),
    ).toBe(expected.settings[role]);
  });
});

describe("lists for an account manager", () => {
  it("show their own accounts by default", async () => {
    const { caller, own, db, other } = setup("account_manager");
    db.$client.prepare("UPDATE accounts SET recommended_level = 'partnership'").run();
    expect((await caller.levels.mismatches({})).items.map((r) => r.id)).toEqual([own]);
    expect((await caller.winback.list({})).items.map((r) => r.id)).toEqual([own]);
    // A colleague's mismatches and win-backs may be looked at; their overdue list may not.
    expect((await caller.levels.mismatches({ ownerId: other.id })).items).toHaveLength(1);
    await expect(caller.levels.overdue({ ownerId: other.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("admin settings", () => {
  it("new level thresholds re-rank every account", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const a = makeAccount(db, { segment: "Solo", createdAt: NOW - DAY });
    db.$client
      .prepare(
        "INSERT INTO orders (account_id, ordered_at, amount, margin, created_at) VALUES (?, ?, 1000, 200, 0)",
      )
      .run(a, Date.now() - DAY);
    const caller = callerFor(db, admin);
    const saved = await caller.settings.setLevelThresholds({
      manyCustomersAtLeast: 2,
      mediumCustomersAtLeast: 1,
      highMarginPct: 20,
      mediumMarginPct: 10,
    });
    expect(saved.levelThresholds).toEqual({
      manyCustomersAtLeast: 2,
      mediumCustomersAtLeast: 1,
      highMarginPct: 20,
      mediumMarginPct: 10,
    });
    // One customer is now "medium", 20% is now "high": proactive.
    expect((await caller.levels.forAccount({ accountId: a })).recommended).toBe("proactive");
  });

  it("inconsistent thresholds are refused beside the field and nothing changes", async () => {
    const db = createTestDb();
    const caller = callerFor(db, addUser(db, "admin"));
    const attempt = caller.settings.setLevelThresholds({
      manyCustomersAtLeast: 100,
      mediumCustomersAtLeast: 500,
      highMarginPct: 30,
      mediumMarginPct: 40,
    });
    expect(await fieldErrorsOf(attempt)).toEqual({
      mediumCustomersAtLeast: ["mediumBelowMany"],
      mediumMarginPct: ["mediumBelowHigh"],
    });
    expect((await caller.settings.get()).levelThresholds.manyCustomersAtLeast).toBe(1000);
  });
});
