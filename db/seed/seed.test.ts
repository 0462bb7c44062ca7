import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/server/test/harness";
import type { Db } from "../client";
import { DAY, LAPSE_AFTER } from "./history";
import { countAccounts, readDemoDataInfo, seedDemo } from "./seed";

const NOW = Date.UTC(2026, 0, 15);

function tableHash(db: Db, sql: string): string {
  const rows = db.$client.prepare(sql).raw().all();
  return createHash("sha256").update(JSON.stringify(rows)).digest("hex");
}

function fingerprint(db: Db) {
  return {
    users: tableHash(db, "SELECT id, name, email, role, locale FROM users ORDER BY id"),
    accounts: tableHash(db, "SELECT * FROM accounts ORDER BY id"),
    contacts: tableHash(db, "SELECT * FROM contacts ORDER BY id"),
    orders: tableHash(db, "SELECT * FROM orders ORDER BY id"),
    moves: tableHash(db, "SELECT * FROM ladder_moves ORDER BY id"),
    activities: tableHash(db, "SELECT * FROM activities ORDER BY id"),
    tasks: tableHash(db, "SELECT * FROM tasks ORDER BY id"),
    feedback: tableHash(db, "SELECT * FROM feedback ORDER BY id"),
    surveys: tableHash(db, "SELECT * FROM surveys ORDER BY id"),
  };
}

async function seeded(accounts: number, seed: number): Promise<Db> {
  const db = createTestDb();
  await seedDemo(db, { accounts, seed, now: NOW });
  return db;
}

const one = (db: Db, sql: string, ...params: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** Tests that seed whole companies: seconds each, and more on a loaded 2-core machine. */
const SEED_TEST_MS = 180_000;
describe("demo data is deterministic", () => {
  it(
    "the same seed gives identical tables, a different seed a different company",
    async () => {
      const a = await seeded(150, 7);
      const b = await seeded(150, 7);
      const c = await seeded(150, 8);
      expect(fingerprint(b)).toEqual(fingerprint(a));
      const fa = fingerprint(a);
      const fc = fingerprint(c);
      expect(fc.accounts).not.toBe(fa.accounts);
      expect(fc.orders).not.toBe(fa.orders);
      expect(fc.users).toBe(fa.users); // the demo sign-ins never change
    },
    SEED_TEST_MS,
  );
});

describe("a seeded demo company", () => {
  let db: Db;
  beforeAll(async () => {
    db = await seeded(300, 42);
  });

  it("has exactly the requested accounts, contacts for every company and about ten orders each", () => {
    expect(countAccounts(db)).toBe(300);
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts a WHERE kind = 'company' AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.account_id = a.id)",
      ),
    ).toBe(0);
    const orders = one(db, "SELECT count(*) FROM orders");
    expect(orders).toBeGreaterThan(300 * 4);
    expect(orders).toBeLessThan(300 * 20);
    expect(readDemoDataInfo(db)).toMatchObject({ demo: true, seed: 42, accounts: 300, orders, now: NOW });
  });

  it("keeps each account's order figures equal to the sums of its orders", () => {
    const mismatches = one(
      db,
      `SELECT count(*) FROM accounts a LEFT JOIN (
         SELECT account_id, count(*) n, sum(amount) revenue, sum(margin) margin, min(ordered_at) first, max(ordered_at) last
         FROM orders GROUP BY account_id) o ON o.account_id = a.id
       WHERE a.order_count != coalesce(o.n, 0) OR a.revenue != coalesce(o.revenue, 0)
          OR a.margin != coalesce(o.margin, 0) OR a.first_order_at IS NOT o.first OR a.last_order_at IS NOT o.last`,
    );
    expect(mismatches).toBe(0);
  });

  it("is a coherent company: won deals are their orders, deal sizes follow purchases, mail on the company's domain", () => {
    // Every won deal is one of the account's orders: same amount, same day, linked.
    expect(one(db, "SELECT count(*) FROM deals WHERE status = 'won' AND order_id IS NULL")).toBe(0);
    expect(
      one(
        db,
        `SELECT count(*) FROM deals d JOIN orders o ON o.id = d.order_id
         WHERE o.account_id <> d.account_id OR o.amount <> d.amount OR o.ordered_at <> d.closed_at`,
      ),
    ).toBe(0);
    // Accounts that never ordered win nothing; a deal is within a factor of five of the account's average order.
    expect(
      one(
        db,
        "SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id WHERE a.order_count = 0 AND d.status = 'won'",
      ),
    ).toBe(0);
    const outliers = one(
      db,
      `SELECT count(*) FROM deals d JOIN accounts a ON a.id = d.account_id WHERE a.order_count > 0
         AND (d.amount > 5.0 * a.revenue / a.order_count OR d.amount < 0.2 * a.revenue / a.order_count)`,
    );
    expect(outliers / one(db, "SELECT count(*) FROM deals")).toBeLessThan(0.05);
    // Contacts write from their company's domain (one domain per company).
    expect(
      one(
        db,
        `SELECT count(*) FROM (SELECT account_id, count(DISTINCT substr(email, instr(email, '@'))) AS n
           FROM contacts WHERE email IS NOT NULL GROUP BY account_id) WHERE n > 1`,
      ),
    ).toBe(0);
    // Lost deals name a competitor from the list, now and then one typed as "other".
    expect(one(db, "SELECT count(*) FROM competitors")).toBe(6);
    expect(one(db, "SELECT count(*) FROM deals WHERE competitor_id IS NOT NULL")).toBeGreaterThan(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM deals WHERE status <> 'lost' AND (competitor_id IS NOT NULL OR competitor_other IS NOT NULL)",
      ),
    ).toBe(0);
  });

  it("stores what the system writes as keys, in no language: ladder reasons and generated task titles", () => {
    expect(one(db, "SELECT count(*) FROM ladder_moves WHERE from_rung IS NULL AND reason <> 'created'")).toBe(
      0,
    );
    expect(
      one(
        db,
        "SELECT count(*) FROM ladder_moves WHERE reason LIKE 'First order%' OR reason LIKE '首次下单%'",
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM tasks WHERE kind <> 'manual' AND title_key IS NULL AND kind <> 'follow_up'",
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM tasks WHERE title LIKE '保住业务%' OR title LIKE '赢回：%'")).toBe(
      0,
    );
  });

  it("flags a minority of accounts on the levels page, and never one without orders", () => {
    const flagged = one(db, "SELECT count(*) FROM accounts WHERE level_gap > 0");
    expect(flagged).toBeGreaterThan(0);
    expect(flagged / 300).toBeLessThan(0.3);
    expect(
      one(db, "SELECT count(*) FROM accounts WHERE order_count = 0 AND recommended_level IS NOT NULL"),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM accounts WHERE order_count > 0 AND yearly_margin IS NULL")).toBe(0);
  });

  it("keeps each account's rung and status equal to its latest ladder move, since that move", () => {
    const latest = `SELECT m.* FROM ladder_moves m WHERE m.id = (
      SELECT id FROM ladder_moves WHERE account_id = m.account_id ORDER BY at DESC, id DESC LIMIT 1)`;
    expect(
      one(
        db,
        `SELECT count(*) FROM accounts a JOIN (${latest}) m ON m.account_id = a.id WHERE a.rung != m.to_rung OR a.status != m.to_status`,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM ladder_moves WHERE account_id = a.id)",
      ),
    ).toBe(0);
    const sinceOf = (
      kind: "rung" | "status",
    ) => `(SELECT max(at) FROM ladder_moves m WHERE m.account_id = a.id
      AND (m.from_${kind} IS NULL OR m.from_${kind} != m.to_${kind}))`;
    expect(one(db, `SELECT count(*) FROM accounts a WHERE a.rung_since != ${sinceOf("rung")}`)).toBe(0);
    expect(one(db, `SELECT count(*) FROM accounts a WHERE a.status_since != ${sinceOf("status")}`)).toBe(0);
  });

  it("chains ladder moves: each starts where the previous one ended", () => {
    const broken = one(
      db,
      `SELECT count(*) FROM (SELECT from_rung, from_status,
         lag(to_rung) OVER w prev_rung, lag(to_status) OVER w prev_status
         FROM ladder_moves WINDOW w AS (PARTITION BY account_id ORDER BY at, id))
       WHERE from_rung IS NOT prev_rung OR from_status IS NOT prev_status`,
    );
    expect(broken).toBe(0);
  });

  it("moves a buyer to first-time at the first order and to repeat at the second", () => {
    expect(
      one(
        db,
        `SELECT count(*) FROM accounts a WHERE a.order_count > 0 AND NOT EXISTS (
        SELECT 1 FROM ladder_moves m WHERE m.account_id = a.id AND m.to_rung = 'first_time' AND m.at = a.first_order_at)`,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        `SELECT count(*) FROM accounts a WHERE a.order_count > 1 AND NOT EXISTS (
        SELECT 1 FROM ladder_moves m WHERE m.account_id = a.id AND m.to_rung = 'repeat' AND m.at =
          (SELECT ordered_at FROM orders WHERE account_id = a.id ORDER BY ordered_at, id LIMIT 1 OFFSET 1))`,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts WHERE order_count = 0 AND rung NOT IN ('suspect', 'prospect', 'disqualified')",
      ),
    ).toBe(0);
  });

  it("lapses a buyer exactly 365 days after the last order, and only then", () => {
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts WHERE status = 'lapsed' AND status_since != last_order_at + ?",
        LAPSE_AFTER,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts WHERE status = 'active' AND last_order_at + ? <= ?",
        LAPSE_AFTER,
        NOW,
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM accounts WHERE status = 'lapsed'")).toBeGreaterThan(5);
  });

  it("gives every lost account a lost reason and no one else one", () => {
    expect(
      one(
        db,
        `SELECT count(*) FROM accounts WHERE (status = 'lost') != (lost_reason IS NOT NULL)
        OR lost_reason NOT IN ('bankrupt', 'moved', 'dissatisfied', 'competitor', 'other')`,
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM accounts WHERE status = 'lost'")).toBeGreaterThan(0);
  });

  it("shows the whole ladder story: promotions with evidence, disqualifications with reasons, win-backs", () => {
    expect(
      one(
        db,
        "SELECT count(*) FROM ladder_moves WHERE to_rung = 'client' AND by_user_id IS NOT NULL AND json_valid(evidence)",
      ),
    ).toBeGreaterThan(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM ladder_moves WHERE to_rung = 'disqualified' AND (reason IS NULL OR reason = '')",
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM accounts WHERE rung = 'disqualified'")).toBeGreaterThan(0);
    expect(
      one(db, "SELECT count(*) FROM ladder_moves WHERE from_status = 'lapsed' AND to_status = 'active'"),
    ).toBeGreaterThan(0);
    expect(one(db, "SELECT count(DISTINCT rung) FROM accounts")).toBeGreaterThanOrEqual(8);
  });

  it("keeps every order's margin between 5% and 45% of its amount, in whole minor units", () => {
    expect(
      one(
        db,
        "SELECT count(*) FROM orders WHERE margin * 100 < amount * 5 OR margin * 100 > amount * 45 OR amount <= 0",
      ),
    ).toBe(0);
    expect(
      one(db, "SELECT count(*) FROM orders WHERE typeof(amount) != 'integer' OR typeof(margin) != 'integer'"),
    ).toBe(0);
  });

  it("puts nothing after the anchor date except open tasks, and nothing before an account existed", () => {
    expect(one(db, "SELECT count(*) FROM orders WHERE ordered_at > ?", NOW)).toBe(0);
    expect(one(db, "SELECT count(*) FROM ladder_moves WHERE at > ?", NOW)).toBe(0);
    expect(one(db, "SELECT count(*) FROM activities WHERE at > ?", NOW)).toBe(0);
    expect(one(db, "SELECT min(ordered_at) FROM orders")).toBeGreaterThan(NOW - 3 * 365 * DAY);
    expect(
      one(
        db,
        "SELECT count(*) FROM orders o JOIN accounts a ON a.id = o.account_id WHERE o.ordered_at < a.created_at",
      ),
    ).toBe(0);
    expect(db.$client.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
  });

  it("gives manager@ladder.demo about a sixth of the accounts, with overdue and upcoming follow-ups", () => {
    const owned = one(db, "SELECT count(*) FROM accounts WHERE owner_id = 'u-am-1'");
    expect(owned).toBeGreaterThanOrEqual(40);
    expect(owned).toBeLessThanOrEqual(60);
    expect(
      one(
        db,
        "SELECT count(*) FROM tasks WHERE assignee_id = 'u-am-1' AND done_at IS NULL AND due_at < ?",
        NOW,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(
      one(
        db,
        "SELECT count(*) FROM tasks WHERE assignee_id = 'u-am-1' AND done_at IS NULL AND due_at BETWEEN ? AND ?",
        NOW,
        NOW + 14 * DAY,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(one(db, "SELECT count(*) FROM activities WHERE user_id = 'u-am-1'")).toBeGreaterThan(20);
  });

  it("mixes Chinese and English names and segments of very different sizes", () => {
    const zh = one(db, "SELECT count(*) FROM accounts WHERE name GLOB '*[一-龥]*'");
    expect(zh).toBeGreaterThan(60);
    expect(zh).toBeLessThan(240);
    expect(one(db, "SELECT count(*) FROM accounts WHERE name LIKE '%有限公司'")).toBeGreaterThan(0);
    const sizes = db.$client
      .prepare("SELECT count(*) FROM accounts GROUP BY segment ORDER BY 1")
      .pluck()
      .all() as number[];
    expect(sizes.length).toBeGreaterThanOrEqual(6);
    expect(sizes[sizes.length - 1]).toBeGreaterThan(4 * (sizes[0] as number));
    expect(
      one(
        db,
        "SELECT count(*) FROM accounts WHERE external_ref NOT GLOB 'CUST-[0-9][0-9][0-9][0-9][0-9][0-9]'",
      ),
    ).toBe(0);
  });
});

describe("seeding an existing database", () => {
  it("refuses a database that already has accounts, and replaces them with reset", async () => {
    const db = await seeded(20, 1);
    await expect(seedDemo(db, { accounts: 10, seed: 2, now: NOW })).rejects.toThrow(
      /already holds 20 accounts/,
    );
    expect(countAccounts(db)).toBe(20);
    await seedDemo(db, { accounts: 10, seed: 2, now: NOW, reset: true });
    expect(countAccounts(db)).toBe(10);
    expect(one(db, "SELECT count(*) FROM users WHERE id LIKE 'u-%'")).toBe(8);
  });

  it(
    "adds generated account managers for large sizes while the demo managers keep a fair share",
    async () => {
      const db = await seeded(2_600, 3);
      expect(one(db, "SELECT count(*) FROM users WHERE id LIKE 'u-am-g%' AND role = 'account_manager'")).toBe(
        1,
      );
      expect(one(db, "SELECT count(*) FROM accounts WHERE owner_id = 'u-am-1'")).toBeGreaterThan(2_600 / 8);
      const perAccount = one(db, "SELECT count(*) FROM orders") / 2_600;
      expect(perAccount).toBeGreaterThan(6);
      expect(perAccount).toBeLessThan(14);
    },
    SEED_TEST_MS,
  );
});
