// The hourly cadence job in slices (issue #12 §1): the same tasks as one run, one audit row, nothing twice.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { Level } from "@/db/schema";
import { addUser, createTestDb } from "../test/harness";
import { ensureCadenceTasks, ensureCadenceTasksInSlices } from "./cadence.queries";
import { addActivity, addOrder, DAY, makeAccount, NOW } from "./levels.fixtures";

const LEVELS: Level[] = ["reactive", "accountable", "proactive", "partnership"];

/** Accounts on every level, with and without an owner; recent orders (some at the same moment) and contacts. */
function givenAccounts(): Db {
  const db = createTestDb();
  const am = addUser(db, "account_manager");
  for (let i = 0; i < 21; i++) {
    const a = makeAccount(db, { level: LEVELS[i % 4], ownerId: i % 5 === 4 ? null : am.id });
    for (let k = 0; k < (i % 3) + 1; k++) {
      addOrder(db, { accountId: a, at: NOW - ((i + k * 4) % 16) * DAY, amount: 100, margin: 10 });
    }
    if (i % 3 === 0) addActivity(db, { accountId: a, userId: am.id, type: "call", at: NOW - (i % 20) * DAY });
    if (i % 4 === 1) addActivity(db, { accountId: a, userId: am.id, type: "note", at: NOW - DAY });
  }
  return db;
}

function written(db: Db) {
  return {
    tasks: db.all(
      sql`SELECT account_id, assignee_id = (SELECT owner_id FROM accounts a WHERE a.id = account_id) AS forOwner,
          due_at, title, title_key, title_params, kind, source_key, created_at
        FROM tasks ORDER BY source_key`,
    ),
    audit: db.all(
      sql`SELECT action, entity, entity_id, changes, at FROM audit_log WHERE action = 'cadence.ensure'`,
    ),
  };
}

describe("the cadence job in slices", () => {
  it("creates the same tasks as one run, a few orders and accounts at a time, with one audit row", async () => {
    for (const asOf of [NOW, NOW + 3 * DAY]) {
      const one = givenAccounts();
      const result = ensureCadenceTasks(one, { asOf });
      expect(result.checkIns * result.contacts * result.reviews).toBeGreaterThan(0);
      for (const slice of [
        { orders: 1, accounts: 1 },
        { orders: 2, accounts: 3 },
      ]) {
        const sliced = givenAccounts();
        let pauses = 0;
        const run = await ensureCadenceTasksInSlices(sliced, {
          asOf,
          slice,
          pause: async () => {
            pauses += 1;
          },
        });
        expect(run).toEqual(result);
        expect(written(sliced)).toEqual(written(one));
        expect(pauses).toBeGreaterThan(5);
      }
    }
  });

  it("creates nothing twice: a second run the same day adds no task and no audit row", async () => {
    const db = givenAccounts();
    await ensureCadenceTasksInSlices(db, { asOf: NOW, slice: { orders: 2, accounts: 2 } });
    const before = written(db);
    expect(
      await ensureCadenceTasksInSlices(db, { asOf: NOW + 3_600_000, slice: { orders: 2, accounts: 2 } }),
    ).toEqual({
      checkIns: 0,
      contacts: 0,
      reviews: 0,
    });
    expect(written(db)).toEqual(before);
  });
});
