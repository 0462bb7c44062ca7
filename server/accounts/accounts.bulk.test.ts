import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { insertAccount } from "./accounts.fixtures";

function auditRows(db: Db) {
  return db.$client
    .prepare("SELECT actor_id AS actorId, entity_id AS entityId, changes FROM audit_log ORDER BY entity_id")
    .all() as { actorId: string; entityId: string; changes: string }[];
}

const refusal = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (e: unknown) => (e instanceof TRPCError ? e : null),
  );

describe("bulk changes on the accounts list", () => {
  it("a sales lead assigns every account matching the filter, except the unticked, in one audited change", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    const am = addUser(db, "account_manager", "Mia Manager");
    const a = insertAccount(db, { name: "Acme", segment: "Retail" });
    const b = insertAccount(db, { name: "Beta", segment: "Retail", ownerId: am.id });
    const c = insertAccount(db, { name: "Gamma", segment: "Retail" });
    const d = insertAccount(db, { name: "Delta", segment: "Retail" });
    insertAccount(db, { name: "Other", segment: "Wholesale" });
    const caller = callerFor(db, lead);

    const result = await caller.accounts.bulkChange({
      selection: { filter: { segment: "Retail" }, except: [d] },
      change: { field: "ownerId", value: am.id },
    });
    // Four match, one unticked, and Beta already belonged to Mia: two changed.
    expect(result).toEqual({ selected: 3, changed: 2, skipped: 0 });
    const owners = db.$client.prepare("SELECT name, owner_id AS o FROM accounts ORDER BY name").all();
    expect(owners).toEqual([
      { name: "Acme", o: am.id },
      { name: "Beta", o: am.id },
      { name: "Delta", o: null },
      { name: "Gamma", o: am.id },
      { name: "Other", o: null },
    ]);
    expect(auditRows(db)).toEqual(
      [a, c].map((id) => ({
        actorId: lead.id,
        entityId: String(id),
        changes: JSON.stringify({ ownerId: [null, am.id] }),
      })),
    );
    expect(b).toBeGreaterThan(0);

    // The owner filter's "Unassigned" and "Me", and the count the list shows.
    expect(await caller.accounts.count({ ownerId: "none" })).toEqual({ count: 2, more: false });
    const asManager = callerFor(db, am);
    expect(await asManager.accounts.count({ ownerId: "me" })).toEqual({ count: 3, more: false });
    const mine = await asManager.accounts.list({ ownerId: "me" });
    expect(mine.items.map((i) => i.name)).toEqual(["Acme", "Beta", "Gamma"]);
    const unassigned = await caller.accounts.list({ ownerId: "none" });
    expect(unassigned.items.map((i) => i.name)).toEqual(["Delta", "Other"]);
  });

  it("only sales leads and admins assign owners; an account manager sets the level of their own accounts only", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const other = addUser(db, "account_manager");
    const mine = insertAccount(db, { name: "Mine", ownerId: am.id, level: "reactive" });
    const theirs = insertAccount(db, { name: "Theirs", ownerId: other.id, level: "reactive" });
    const caller = callerFor(db, am);

    const assign = await refusal(
      caller.accounts.bulkChange({ selection: { ids: [mine] }, change: { field: "ownerId", value: am.id } }),
    );
    expect(assign?.code).toBe("FORBIDDEN");
    const both = await refusal(
      caller.accounts.bulkChange({
        selection: { ids: [mine, theirs] },
        change: { field: "level", value: "accountable" },
      }),
    );
    expect(both?.code).toBe("FORBIDDEN");
    expect(both?.message).toMatch(/1 of the selected accounts belong to someone else/);
    // Refused as a whole: nothing changed, nothing audited.
    expect(auditRows(db)).toEqual([]);

    expect(
      await caller.accounts.bulkChange({
        selection: { ids: [mine] },
        change: { field: "level", value: "accountable" },
      }),
    ).toEqual({ selected: 1, changed: 1, skipped: 0 });
    const levels = db.$client.prepare("SELECT name, level FROM accounts ORDER BY name").all();
    expect(levels).toEqual([
      { name: "Mine", level: "accountable" },
      { name: "Theirs", level: "reactive" },
    ]);

    for (const role of ["executive", "service_agent"] as const) {
      const call = callerFor(db, addUser(db, role)).accounts.bulkChange({
        selection: { ids: [mine] },
        change: { field: "segment", value: "Retail" },
      });
      expect((await refusal(call))?.code).toBe("FORBIDDEN");
    }
  });

  it("sets or clears the segment, refuses an owner who cannot hold accounts, and checks its input", async () => {
    const db = createTestDb();
    const admin = addUser(db, "admin");
    const exec = addUser(db, "executive");
    const ids = ["A", "B", "C"].map((name) => insertAccount(db, { name, segment: "Old" }));
    const caller = callerFor(db, admin);

    expect(
      await caller.accounts.bulkChange({ selection: { ids }, change: { field: "segment", value: "零售" } }),
    ).toEqual({ selected: 3, changed: 3, skipped: 0 });
    expect(await caller.accounts.count({ segment: "零售" })).toEqual({ count: 3, more: false });
    expect(
      await caller.accounts.bulkChange({
        selection: { filter: { segment: "零售" } },
        change: { field: "segment", value: "" },
      }),
    ).toEqual({ selected: 3, changed: 3, skipped: 0 });
    expect(db.$client.prepare("SELECT count(*) FROM accounts WHERE segment IS NULL").pluck().get()).toBe(3);

    const badOwner = await refusal(
      caller.accounts.bulkChange({ selection: { ids }, change: { field: "ownerId", value: exec.id } }),
    );
    expect(badOwner?.code).toBe("BAD_REQUEST");
    const noRows = await refusal(
      caller.accounts.bulkChange({ selection: { ids: [] }, change: { field: "level", value: "basic" } }),
    );
    expect(noRows?.code).toBe("BAD_REQUEST");
    const badLevel = await refusal(
      caller.accounts.bulkChange({
        selection: { ids },
        change: { field: "level", value: "supreme" as never },
      }),
    );
    expect(badLevel?.code).toBe("BAD_REQUEST");
  });

  it("counts up to 10,000 and then says there are more", async () => {
    const db = createTestDb();
    const insert = db.$client.prepare(
      "INSERT INTO accounts (kind, name, search_name, rung, rung_since, status, status_since, level, created_at, updated_at) VALUES ('company', ?, ?, 'suspect', 0, 'active', 0, 'reactive', 0, 0)",
    );
    db.$client.transaction(() => {
      for (let i = 0; i < 10_050; i += 1) insert.run(`Account ${i}`, `account ${i}`);
    })();
    const caller = callerFor(db, addUser(db, "executive"));
    expect(await caller.accounts.count({})).toEqual({ count: 10_000, more: true });
    expect(await caller.accounts.count({ q: "account 1005" })).toEqual({ count: 1, more: false });
    expect(await caller.accounts.count({ q: "no such name" })).toEqual({ count: 0, more: false });
  });
});

describe("bulk rung moves", () => {
  it("qualifies suspects as prospects in one transaction, each with its ladder history and audit row", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    const am = addUser(db, "account_manager");
    const a = insertAccount(db, { name: "Acme", segment: "Fair", rung: "suspect" });
    const b = insertAccount(db, { name: "Beta", segment: "Fair", rung: "suspect", ownerId: am.id });
    insertAccount(db, { name: "Gamma", segment: "Fair", rung: "prospect" });
    // A buyer: its orders make it a first-time buyer at least, so it cannot go back to prospect.
    insertAccount(db, { name: "Delta", segment: "Fair", rung: "first_time", orderCount: 1 });
    const result = await callerFor(db, lead).accounts.bulkChange({
      selection: { filter: { segment: "Fair" } },
      change: { field: "rung", value: "prospect", reason: "Met them at the trade fair" },
    });
    expect(result).toEqual({ selected: 4, changed: 2, skipped: 1 });
    const rungs = db.$client.prepare("SELECT name, rung FROM accounts ORDER BY name").all();
    expect(rungs).toEqual([
      { name: "Acme", rung: "prospect" },
      { name: "Beta", rung: "prospect" },
      { name: "Delta", rung: "first_time" },
      { name: "Gamma", rung: "prospect" },
    ]);
    const moves = db.$client
      .prepare(
        "SELECT account_id AS id, from_rung AS f, to_rung AS t, reason, by_user_id AS by FROM ladder_moves ORDER BY account_id",
      )
      .all();
    expect(moves).toEqual(
      [a, b].map((id) => ({
        id,
        f: "suspect",
        t: "prospect",
        reason: "Met them at the trade fair",
        by: lead.id,
      })),
    );
    expect(auditRows(db).map((r) => r.entityId)).toEqual([String(a), String(b)]);
  });

  it("disqualifies with a reason; an account manager moves only their own accounts; no reason, no move", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const mine = insertAccount(db, { name: "Mine", rung: "prospect", ownerId: am.id });
    const other = insertAccount(db, { name: "Other", rung: "prospect" });
    const caller = callerFor(db, am);
    const refused = await refusal(
      caller.accounts.bulkChange({
        selection: { ids: [mine, other] },
        change: { field: "rung", value: "disqualified", reason: "No budget", disqualifyReason: "no_credit" },
      }),
    );
    expect(refused?.code).toBe("FORBIDDEN");
    const noReason = await refusal(
      caller.accounts.bulkChange({
        selection: { ids: [mine] },
        change: { field: "rung", value: "disqualified", reason: "No budget" },
      }),
    );
    expect(noReason?.code).toBe("BAD_REQUEST");
    expect(
      await caller.accounts.bulkChange({
        selection: { ids: [mine] },
        change: { field: "rung", value: "disqualified", reason: "No budget", disqualifyReason: "no_credit" },
      }),
    ).toEqual({ selected: 1, changed: 1, skipped: 0 });
    const rows = db.$client.prepare("SELECT name, rung FROM accounts ORDER BY name").all();
    expect(rows).toEqual([
      { name: "Mine", rung: "disqualified" },
      { name: "Other", rung: "prospect" },
    ]);
    // The upper rungs need evidence per account and buyers' rungs follow orders: not offered in bulk.
    const upper = await refusal(
      caller.accounts.bulkChange({
        selection: { ids: [mine] },
        change: { field: "rung", value: "client" as "prospect", reason: "Loyal" },
      }),
    );
    expect(upper?.code).toBe("BAD_REQUEST");
  });
});
