// The hourly lapse job in slices (issue #12 §1): the same lapses, moves and times as one run, and nothing twice.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { makeAccount } from "../levels/levels.fixtures";
import { createTestDb } from "../test/harness";
import { evaluateLapse, lapseDueAccounts } from "./lapse.queries";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 20, 12);

/** Accounts whose last orders lie on both sides of the 365-day window, several on the same day, some not active. */
function givenAccounts(): Db {
  const db = createTestDb();
  for (let i = 0; i < 23; i++) {
    const lastOrderAt = NOW - (350 + (i % 8) * 5) * DAY - (i % 3) * 3_600_000;
    makeAccount(db, { lastOrderAt, status: i % 7 === 3 ? "lost" : i % 11 === 5 ? "lapsed" : "active" });
  }
  makeAccount(db, { lastOrderAt: null });
  makeAccount(db, { lastOrderAt: NOW - 365 * DAY });
  makeAccount(db, { lastOrderAt: NOW - 365 * DAY - 1 });
  return db;
}

function written(db: Db) {
  return {
    accounts: db.all(sql`SELECT id, status, status_since FROM accounts ORDER BY id`),
    moves: db.all(
      sql`SELECT account_id, from_rung, to_rung, from_status, to_status, at, reason, evidence FROM ladder_moves
        ORDER BY account_id`,
    ),
  };
}

describe("the lapse job in slices", () => {
  it("lapses the same accounts at the same moments as one run, however small the slices", async () => {
    const one = givenAccounts();
    const lapsed = evaluateLapse(one, { asOf: NOW }).lapsed;
    expect(lapsed).toBeGreaterThan(5);
    for (const slice of [1, 2, 5]) {
      const sliced = givenAccounts();
      let pauses = 0;
      const run = await lapseDueAccounts(sliced, {
        asOf: NOW,
        slice,
        pause: async () => {
          pauses += 1;
        },
      });
      expect(run).toEqual({ lapsed });
      expect(written(sliced)).toEqual(written(one));
      expect(pauses).toBeGreaterThan(0);
    }
  });

  it("lapses nobody twice: a second run finds nothing due, and an account that ordered meanwhile stays", async () => {
    const db = givenAccounts();
    const saved = makeAccount(db, { lastOrderAt: NOW - 365 * DAY - 2 });
    let pauses = 0;
    await lapseDueAccounts(db, {
      asOf: NOW,
      slice: 2,
      pause: async () => {
        pauses += 1;
        // A request records an order for an account due in a later slice (the slices go oldest last order first).
        if (pauses === 1) db.run(sql`UPDATE accounts SET last_order_at = ${NOW - DAY} WHERE id = ${saved}`);
      },
    });
    expect(db.all(sql`SELECT status FROM accounts WHERE id = ${saved}`)).toEqual([{ status: "active" }]);
    const moves = db.all(sql`SELECT count(*) AS n FROM ladder_moves`);
    expect(await lapseDueAccounts(db, { asOf: NOW, slice: 2 })).toEqual({ lapsed: 0 });
    expect(db.all(sql`SELECT count(*) AS n FROM ladder_moves`)).toEqual(moves);
  });
});
