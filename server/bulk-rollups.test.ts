// Bulk writes keep the rollups set-wise with their triggers set aside (db/bulk-rollups.ts, issue #11 §1). On a
// seeded company, the orders import, an API batch of 600 orders and the accounts import are run twice — set-wise,
// and with the same writes through the per-row triggers — and every rollup must come out the same both ways and
// as the plain recomputation from the rows. Every trigger of the migrated schema must be classified, the writes
// must fire no trigger that is neither set aside nor kept on purpose, and every set-wise form must be exercised.
import { beforeAll, describe, expect, it } from "vitest";
import { KEPT_FIRING, NOT_FIRED_BY_BULK_WRITES, ROLLUPS, SET_ASIDE } from "@/db/bulk-rollups";
import type { Db } from "@/db/client";
import { seedDemo } from "@/db/seed/seed";
import { inTransaction } from "@/db/transaction";
import { runAccountImport } from "./imports/account-import.queries";
import { runImport } from "./imports/import.queries";
import { ORDER_FILE_MAPPING } from "./imports/import.schemas";
import { recordOrders } from "./orders/record-orders";
import { upsertOrdersByRef } from "./orders/upsert-orders";
import { createTestDb } from "./test/harness";

const DAY = 86_400_000;
const SEEDED_AT = Date.UTC(2026, 4, 1);
/** Six months after the seeded history ends: many active accounts are due to lapse when they are touched. */
const NOW = Date.UTC(2026, 10, 1, 9);
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

const MONTH = (at: string) =>
  `(CAST(strftime('%Y', ${at} / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ${at} / 1000, 'unixepoch') AS INTEGER) - 1)`;
const BAND = (status: string, rung: string) =>
  `CASE WHEN coalesce(${status}, 'active') = 'active' THEN ${rung} ELSE ${status} END`;

/** Each account's value of each dimension the feedback rollups are kept per. */
const ACCOUNT_DIMS = `(SELECT id, 'rung' AS dim, coalesce(rung, '') AS value FROM accounts
  UNION ALL SELECT id, 'level', coalesce(level, '') FROM accounts
  UNION ALL SELECT id, 'segment', coalesce(segment, '') FROM accounts
  UNION ALL SELECT id, 'owner', coalesce(owner_id, '') FROM accounts)`;

/**
 * Per rollup (ROLLUPS' `keeps`): what is stored, and the plain recomputation from the rows. Rows whose counts all
 * dropped to 0 are left out (the triggers leave some behind, the readers skip them).
 */
const CHECKS: Record<string, { stored: string; plain: string }[]> = {
  account_period_activity: [
    {
      stored: `SELECT account_id, grain, period, cohort, prev, orders, revenue, margin FROM account_period_activity
        ORDER BY 1, 2, 3`,
      plain: `SELECT account_id, grain, period, min(period) OVER w AS cohort, lag(period) OVER w AS prev, orders,
          revenue, margin
        FROM (SELECT o.account_id, g.grain, ${MONTH("o.ordered_at")} / g.grain AS period, count(*) AS orders,
            sum(o.amount) AS revenue, sum(o.margin) AS margin
          FROM orders o, (SELECT 1 AS grain UNION ALL SELECT 3) g GROUP BY 1, 2, 3)
        WINDOW w AS (PARTITION BY account_id, grain ORDER BY period) ORDER BY 1, 2, 3`,
    },
  ],
  "activity_by_prev, activity_by_cohort": [
    {
      stored: `SELECT grain, period, prev, accounts, revenue, margin FROM activity_by_prev
        WHERE accounts <> 0 OR revenue <> 0 OR margin <> 0 ORDER BY 1, 2, 3`,
      plain: `SELECT grain, period, coalesce(prev, -1), count(*), sum(revenue), sum(margin)
        FROM account_period_activity GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    },
    {
      stored: `SELECT grain, cohort, period, accounts, revenue, returned FROM activity_by_cohort
        WHERE accounts <> 0 OR revenue <> 0 OR returned <> 0 ORDER BY 1, 2, 3`,
      plain: `SELECT grain, cohort, period, count(*), sum(revenue), count(CASE WHEN prev = cohort THEN 1 END)
        FROM account_period_activity GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    },
  ],
  "account_totals, account_first_orders": [
    {
      stored: `SELECT status, rung, level, first_bucket, accounts, revenue, margin, first_sum FROM account_totals
        WHERE accounts <> 0 OR revenue <> 0 OR margin <> 0 OR first_sum <> 0 ORDER BY 1, 2, 3, 4`,
      plain: `SELECT status, rung, level, coalesce(first_order_at / 2592000000, -1), count(*), sum(revenue),
          sum(margin), coalesce(sum(first_order_at), 0)
        FROM accounts GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    },
    {
      stored: "SELECT first_order_at, account_id FROM account_first_orders ORDER BY 1, 2",
      plain: "SELECT first_order_at, id FROM accounts WHERE first_order_at IS NOT NULL ORDER BY 1, 2",
    },
  ],
  defection_totals: [
    {
      stored: "SELECT bucket, from_rung, level, n FROM defection_totals WHERE n <> 0 ORDER BY 1, 2, 3",
      plain: `SELECT m.at / 604800000, coalesce(m.from_rung, ''), a.level, count(*)
        FROM ladder_moves m JOIN accounts a ON a.id = m.account_id
        WHERE m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost') GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    },
  ],
  ladder_reached_totals: [
    {
      stored: `SELECT rung, reached, climbed FROM ladder_reached_totals WHERE reached <> 0 OR climbed <> 0
        ORDER BY 1`,
      plain: "SELECT rung, count(*), count(climb_ms) FROM ladder_reached GROUP BY 1 ORDER BY 1",
    },
  ],
  ladder_bands_monthly: [
    {
      stored: "SELECT month, band, delta FROM ladder_bands_monthly WHERE delta <> 0 ORDER BY 1, 2",
      plain: `SELECT month, band, sum(d) FROM (
          SELECT strftime('%Y-%m', at / 1000, 'unixepoch') AS month, ${BAND("to_status", "to_rung")} AS band, 1 AS d
          FROM ladder_moves
          UNION ALL SELECT strftime('%Y-%m', at / 1000, 'unixepoch'), ${BAND("from_status", "from_rung")}, -1
          FROM ladder_moves WHERE from_rung IS NOT NULL)
        GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2`,
    },
  ],
  "complaints.account_band": [
    {
      stored: "SELECT id, account_band FROM complaints ORDER BY id",
      plain: `SELECT c.id, CASE WHEN a.status = 'active' THEN a.rung ELSE a.status END
        FROM complaints c JOIN accounts a ON a.id = c.account_id ORDER BY c.id`,
    },
  ],
  "complaints.next_order_at": [
    {
      stored: "SELECT id, next_order_at FROM complaints ORDER BY id",
      plain: `SELECT c.id, (SELECT min(o.ordered_at) FROM orders o
          WHERE o.account_id = c.account_id AND o.ordered_at > c.received_at)
        FROM complaints c ORDER BY c.id`,
    },
  ],
  survey_due: [
    {
      stored: "SELECT contact_id, level, last_sent_at FROM survey_due ORDER BY 1",
      plain: `SELECT c.id, a.level, coalesce((SELECT max(s.sent_at) FROM surveys s
          WHERE s.contact_id = c.id AND s.kind = 'nps'), 0)
        FROM contacts c JOIN accounts a ON a.id = c.account_id
        WHERE c.email <> '' AND a.status = 'active' AND a.order_count > 0 ORDER BY 1`,
    },
  ],
  "feedback_theme_dim_rollup, feedback_credit_dim_rollup": [
    {
      stored: `SELECT dim, value, month, theme, interface, sentiment, n FROM feedback_theme_dim_rollup WHERE n <> 0
        ORDER BY 1, 2, 3, 4, 5, 6`,
      plain: `SELECT d.dim, d.value, f.received_month, f.theme, f.interface, f.sentiment, count(*)
        FROM feedback f JOIN ${ACCOUNT_DIMS} d ON d.id = f.account_id GROUP BY 1, 2, 3, 4, 5, 6
        ORDER BY 1, 2, 3, 4, 5, 6`,
    },
    {
      stored: `SELECT dim, value, month, recorded_by_id, interface, n, problems FROM feedback_credit_dim_rollup
        WHERE n <> 0 OR problems <> 0 ORDER BY 1, 2, 3, 4, 5`,
      plain: `SELECT d.dim, d.value, f.received_month, f.recorded_by_id, f.interface, count(*),
          sum(f.sentiment = 'problem')
        FROM feedback f JOIN ${ACCOUNT_DIMS} d ON d.id = f.account_id GROUP BY 1, 2, 3, 4, 5
        ORDER BY 1, 2, 3, 4, 5`,
    },
  ],
  "surveys.next_order_at, surveys.defected_at": [
    {
      stored: "SELECT id, next_order_at, defected_at FROM surveys ORDER BY id",
      plain: `SELECT s.id,
          (SELECT min(o.ordered_at) FROM orders o
            WHERE o.account_id = s.account_id AND o.ordered_at > coalesce(s.answered_at, s.sent_at)),
          (SELECT min(m.at) FROM ladder_moves m
            WHERE m.account_id = s.account_id AND m.at > coalesce(s.answered_at, s.sent_at)
              AND m.from_status = 'active' AND m.to_status IN ('lapsed', 'lost'))
        FROM surveys s ORDER BY s.id`,
    },
  ],
  recent_buyers: [
    {
      stored: "SELECT account_id, anchor, next_order_at, first_complaint_at FROM recent_buyers ORDER BY 1, 2",
      // Every month's first day in the orders' span, and the accounts with an order in the 30 days before it.
      plain: `WITH RECURSIVE m(anchor) AS (
          SELECT CAST(strftime('%s', min(ordered_at) / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000
          FROM orders
          UNION ALL
          SELECT CAST(strftime('%s', anchor / 1000, 'unixepoch', '+1 month') AS INTEGER) * 1000 FROM m
          WHERE anchor <= (SELECT max(ordered_at) FROM orders) + 2592000000)
        SELECT a.id, m.anchor,
          (SELECT min(o.ordered_at) FROM orders o WHERE o.account_id = a.id AND o.ordered_at > m.anchor),
          (SELECT min(c.received_at) FROM complaints c WHERE c.account_id = a.id AND c.received_at >= m.anchor)
        FROM accounts a, m
        WHERE EXISTS (SELECT 1 FROM orders o WHERE o.account_id = a.id
          AND o.ordered_at >= m.anchor - 2592000000 AND o.ordered_at < m.anchor)
        ORDER BY 1, 2`,
    },
  ],
};

const rows = (db: Db, text: string) => db.$client.prepare(text).raw().all();
const stored = (db: Db) =>
  Object.fromEntries(Object.entries(CHECKS).map(([k, checks]) => [k, checks.map((c) => rows(db, c.stored))]));
const plain = (db: Db) =>
  Object.fromEntries(Object.entries(CHECKS).map(([k, checks]) => [k, checks.map((c) => rows(db, c.plain))]));
const triggers = (db: Db) =>
  db.$client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

let db: Db;
beforeAll(async () => {
  db = createTestDb();
  await seedDemo(db, { accounts: 150, seed: 11, now: SEEDED_AT });
});

type Account = { id: number; ref: string; name: string; status: string; segment: string | null };
const ADMIN = { id: "u-admin", role: "admin" } as const;

/** The bulk writes, set-wise or through the triggers; each step's rollups as stored afterwards. */
function bulkWrites(setWise: boolean, afterBulk?: () => void) {
  const accounts = db.$client
    .prepare(
      `SELECT a.id, a.external_ref AS ref, a.name, a.status, a.segment FROM accounts a
      ORDER BY (SELECT count(*) FROM complaints c WHERE c.account_id = a.id)
        + (SELECT count(*) FROM surveys s WHERE s.account_id = a.id) DESC, a.id`,
    )
    .all() as Account[];
  const steps: Record<string, ReturnType<typeof stored>> = {};

  // 1. An order file: a recent order for 40 accounts (the lapsed and lost ones come back), an order older than
  //    any of theirs for 40 more (their first order moves; those due to lapse lapse), and 30 new accounts, half
  //    of them with one order two years ago (they lapse), half with two recent ones (repeat customers).
  const lines = ["Order ID,Order Date,Customer ID,Customer Name,Segment,Sales,Profit"];
  accounts.slice(0, 40).forEach((a, i) => {
    lines.push(`IMP-R${i},${iso(NOW - (10 + i) * DAY)},${a.ref},"${a.name}",,${100 + i}.50,${10 + i}.25`);
  });
  accounts.slice(40, 80).forEach((a, i) => {
    lines.push(`IMP-O${i},${iso(Date.UTC(2015, i % 12, 3))},${a.ref},"${a.name}",,${200 + i},-${i}`);
  });
  for (let i = 0; i < 30; i++) {
    if (i % 2) {
      lines.push(`IMP-N${i}a,${iso(NOW - 60 * DAY)},NEW-${i},New ${i},Consumer,${50 + i},5`);
      lines.push(`IMP-N${i}b,${iso(NOW - (5 + i) * DAY)},NEW-${i},New ${i},Consumer,${70 + i},7`);
    } else lines.push(`IMP-N${i},${iso(NOW - 700 * DAY - i * DAY)},NEW-${i},New ${i},Corporate,${90 + i},9`);
  }
  const imported = runImport(db, ADMIN, {
    fileName: "orders.csv",
    csv: lines.join("\n"),
    mapping: ORDER_FILE_MAPPING,
    now: NOW,
    setWiseRollups: setWise,
  });
  expect(imported.applied).toBe(true);
  steps["orders import"] = stored(db);

  // 2. An API batch of 600 orders for 60 accounts, spread over their history and up to last week.
  const batch = accounts.slice(30, 90).flatMap((a, i) =>
    Array.from({ length: 10 }, (_, k) => ({
      accountRef: a.ref,
      externalRef: `API-${i}-${k}`,
      orderedAt: NOW - (7 + ((i * 97 + k * 131) % 1500)) * DAY,
      amount: 1_000 + 37 * k + i,
      margin: 100 - 13 * k,
      category: null,
    })),
  );
  upsertOrdersByRef(db, ADMIN, batch, NOW, { setWiseRollups: setWise });
  steps["API batch"] = stored(db);

  // 3. An accounts file: 30 new accounts and 20 whose segment changes (their segments' levels are recomputed).
  const accountLines = ["Account ID,Company,Contact Name,Segment"];
  for (let i = 0; i < 30; i++) accountLines.push(`ACC-${i},Company ${i},Person ${i},Corporate`);
  for (const a of accounts.slice(100, 120))
    accountLines.push(`${a.ref},"${a.name}",,${a.segment === "Consumer" ? "Corporate" : "Consumer"}`);
  const accountsImported = runAccountImport(db, ADMIN, {
    fileName: "accounts.csv",
    csv: accountLines.join("\n"),
    mapping: {
      account_ref: "Account ID",
      company: "Company",
      contact_name: "Contact Name",
      segment: "Segment",
    },
    now: NOW,
    setWiseRollups: setWise,
  });
  expect(accountsImported.summary?.accountsCreated).toBe(30);
  steps["accounts import"] = stored(db);
  afterBulk?.();

  // 4. Afterwards one order the ordinary way: the triggers are back and keep the rollups.
  inTransaction(db, (t) =>
    recordOrders(t, {
      orders: [
        {
          accountId: accounts[0]?.id as number,
          externalRef: "FORM-1",
          orderedAt: NOW - DAY,
          amount: 4_200,
          margin: 420,
          category: null,
        },
      ],
      asOf: NOW,
      actorId: null,
    }),
  );
  steps["one order afterwards"] = stored(db);
  return steps;
}

/** Runs `fn` and rolls every write of it back, so each scenario starts from the seeded company. */
function rolledBack<T>(fn: () => T): T {
  db.$client.exec("BEGIN");
  try {
    return fn();
  } finally {
    db.$client.exec("ROLLBACK");
  }
}

/** Every trigger writes its name into fired_triggers first (inside the scenario's transaction). */
function instrumentTriggers() {
  db.$client.exec("CREATE TABLE fired_triggers (name TEXT NOT NULL)");
  for (const t of triggers(db) as { name: string; sql: string }[]) {
    db.$client.exec(`DROP TRIGGER "${t.name}"`);
    db.$client.exec(t.sql.replace(/\bBEGIN\b/, `BEGIN INSERT INTO fired_triggers VALUES ('${t.name}');`));
  }
}
const fired = () =>
  db.$client.prepare("SELECT DISTINCT name FROM fired_triggers ORDER BY name").pluck().all() as string[];

describe("bulk writes and the trigger-kept rollups", () => {
  it("classify every trigger of the migrated schema once: set aside with a set-wise form, kept, or not fired", () => {
    const all = (triggers(db) as { name: string }[]).map((t) => t.name).sort();
    const classified = [...SET_ASIDE, ...Object.keys(KEPT_FIRING), ...Object.keys(NOT_FIRED_BY_BULK_WRITES)];
    expect(classified.sort()).toEqual(all);
    // And every rollup with a set-wise form is checked below against the triggers and the plain recomputation.
    expect(ROLLUPS.map((r) => r.keeps).sort()).toEqual(Object.keys(CHECKS).sort());
  });

  it("fire only the triggers they keep on purpose, and through the triggers only those with a set-wise form", () => {
    const perRow = rolledBack(() => {
      instrumentTriggers();
      bulkWrites(false);
      return fired();
    });
    const setWise = rolledBack(() => {
      instrumentTriggers();
      let bulk: string[] = [];
      bulkWrites(true, () => {
        bulk = fired();
      });
      return bulk;
    });
    const known = new Set([...SET_ASIDE, ...Object.keys(KEPT_FIRING)]);
    expect(perRow.filter((t) => !known.has(t))).toEqual([]);
    // Every set-wise form is exercised: a trigger it stands in for fires when the writes go row by row.
    expect(ROLLUPS.filter((r) => !r.triggers.some((t) => perRow.includes(t))).map((r) => r.keeps)).toEqual(
      [],
    );
    // Set-wise, the bulk writes fire only the triggers kept on purpose.
    expect(setWise.filter((t) => !(t in KEPT_FIRING))).toEqual([]);
  });

  it("leave every rollup as the same writes through the triggers do, and as the plain recomputation", () => {
    expect(stored(db)).toEqual(plain(db));
    const triggersBefore = triggers(db);
    const perRow = rolledBack(() => bulkWrites(false));
    const setWise = rolledBack(() => {
      const steps = bulkWrites(true, () => expect(triggers(db)).toEqual(triggersBefore));
      expect(stored(db)).toEqual(plain(db));
      return steps;
    });
    for (const step of Object.keys(perRow))
      expect({ step, ...setWise[step] }).toEqual({ step, ...perRow[step] });
  });

  it("read the write's new orders and moves by id, never by walking a whole index of them", () => {
    // On the 100k bench the planner walked all of orders_account_date_idx (a million entries, 50 ms of a
    // 1,000-order API batch) for "o.id > @ordersFrom": it covers the columns and it cannot know the range is short.
    const maxId = (table: string) =>
      db.$client.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck().get() as number;
    const params = {
      accounts: "[1, 2, 3]",
      ordersFrom: maxId("orders") - 10,
      movesFrom: maxId("ladder_moves") - 10,
      sign: 1,
    };
    db.$client.exec(
      "CREATE TEMP TABLE IF NOT EXISTS bulk_accounts_before (id INTEGER PRIMARY KEY, rung, level, segment, owner_id, first_order_at)",
    );
    const byId = ROLLUPS.flatMap((r) => [...(r.after ?? []), ...(r.contribution ?? [])]).filter((text) =>
      /\bid > @(ordersFrom|movesFrom)/.test(text),
    );
    expect(byId.length).toBeGreaterThanOrEqual(5);
    try {
      for (const text of byId) {
        const used = Object.fromEntries(Object.entries(params).filter(([k]) => text.includes(`@${k}`)));
        const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(used) as { detail: string }[]).map(
          (p) => p.detail,
        );
        const walks = plan.filter((d) => /^SCAN (o|m|orders|ladder_moves)\b/.test(d));
        expect({ statement: text.slice(0, 80), walks }).toEqual({ statement: text.slice(0, 80), walks: [] });
      }
    } finally {
      db.$client.exec("DROP TABLE temp.bulk_accounts_before");
    }
  });

  it("roll back with the triggers in place when the write fails half-way", () => {
    const before = { rollups: stored(db), triggers: triggers(db) };
    expect(() =>
      runImport(db, ADMIN, {
        fileName: "orders.csv",
        csv: [
          "Order ID,Order Date,Customer ID,Customer Name,Segment,Sales,Profit",
          ...Array.from(
            { length: 600 },
            (_, i) => `F-${i},${iso(NOW - i * DAY)},FAIL-${i % 50},Fail ${i},,10,1`,
          ),
        ].join("\n"),
        mapping: ORDER_FILE_MAPPING,
        now: NOW,
        failAfterWrite: () => {
          expect(triggers(db).length).toBeLessThan(before.triggers.length);
          throw new Error("the disk is full");
        },
      }),
    ).toThrow("the disk is full");
    expect(triggers(db)).toEqual(before.triggers);
    expect(stored(db)).toEqual(before.rollups);
  });
});
