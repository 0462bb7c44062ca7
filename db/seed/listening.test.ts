// The demo company's listening data (issue #13 §5): three years of feedback, surveys with realistic response
// rates and their close-the-loop tasks, referrals, and answer classes related to what accounts did next the way
// the literature describes (promoters buy again more and leave less, yet some promoters still leave). That the
// same seed gives the same feedback and surveys is checked by seed.test.ts's fingerprint.
import { beforeAll, describe, expect, it } from "vitest";
import { stayingByClass } from "@/server/feedback/dashboard.queries";
import { feedbackDashboardInput } from "@/server/feedback/dashboard.schemas";
import { createTestDb } from "@/server/test/harness";
import type { Db } from "../client";
import { DAY } from "./history";
import { seedDemo } from "./seed";

const NOW = Date.UTC(2026, 0, 15);
const YEAR = 365 * DAY;

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

describe("demo listening data", () => {
  let db: Db;
  beforeAll(async () => {
    db = await seeded(300, 42);
  });

  it("has feedback in each of the last three years, of every sentiment, through several interfaces", () => {
    for (let y = 0; y < 3; y++) {
      const n = one(
        db,
        "SELECT count(*) FROM feedback WHERE received_at >= ? AND received_at < ?",
        NOW - (y + 1) * YEAR,
        NOW - y * YEAR,
      );
      expect(n, `year ${y + 1} back`).toBeGreaterThan(10);
    }
    expect(
      one(db, "SELECT count(*) FROM feedback WHERE received_at < ? OR received_at >= ?", NOW - 3 * YEAR, NOW),
    ).toBe(0);
    expect(one(db, "SELECT count(DISTINCT sentiment) FROM feedback")).toBe(3);
    expect(one(db, "SELECT count(DISTINCT theme) FROM feedback")).toBe(5);
    expect(one(db, "SELECT count(DISTINCT interface) FROM feedback")).toBeGreaterThanOrEqual(5);
    // Praise never waits for action; what waits has an owner, a due date and a task; what is closed says what was done.
    expect(
      one(db, "SELECT count(*) FROM feedback WHERE sentiment = 'praise' AND action_at IS NOT NULL"),
    ).toBe(0);
    expect(
      one(
        db,
        `SELECT count(*) FROM feedback WHERE status = 'open'
          AND (action_owner_id IS NULL OR action_due_at IS NULL OR task_id IS NULL)`,
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM feedback WHERE status = 'open'")).toBeGreaterThan(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM feedback WHERE status = 'closed' AND (resolution IS NULL OR closed_at IS NULL)",
      ),
    ).toBe(0);
  });

  it("answers about half the relationship surveys, each once and within the link's life", () => {
    const sent = one(db, "SELECT count(*) FROM surveys WHERE kind = 'nps'");
    const answered = one(db, "SELECT count(*) FROM surveys WHERE kind = 'nps' AND answered_at IS NOT NULL");
    expect(sent).toBeGreaterThan(200);
    expect(answered / sent).toBeGreaterThan(0.35);
    expect(answered / sent).toBeLessThan(0.7);
    expect(
      one(db, "SELECT count(*) FROM surveys WHERE kind = 'csat_complaint' AND answered_at IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(
      one(db, "SELECT count(*) FROM surveys WHERE kind = 'csat_deal' AND answered_at IS NOT NULL"),
    ).toBeGreaterThan(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM surveys WHERE answered_at IS NOT NULL AND (answered_at < sent_at OR answered_at > expires_at OR answered_at > ?)",
        NOW,
      ),
    ).toBe(0);
    expect(one(db, "SELECT count(*) FROM surveys WHERE (answered_at IS NULL) <> (score IS NULL)")).toBe(0);
  });

  it("gives every detractor and CSAT 1–2 a close-the-loop task for the account's owner", () => {
    const unhappy = "answer_class IN ('detractor', 'dissatisfied')";
    expect(one(db, `SELECT count(*) FROM surveys WHERE ${unhappy}`)).toBeGreaterThan(10);
    expect(one(db, `SELECT count(*) FROM surveys WHERE ${unhappy} AND follow_up_task_id IS NULL`)).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM surveys WHERE answer_class NOT IN ('detractor', 'dissatisfied') AND follow_up_task_id IS NOT NULL",
      ),
    ).toBe(0);
    // The task is the owner's; closed loops have a note and took time; older loops are mostly closed.
    expect(
      one(
        db,
        `SELECT count(*) FROM surveys s JOIN accounts a ON a.id = s.account_id JOIN tasks t ON t.id = s.follow_up_task_id
          WHERE a.owner_id IS NOT NULL AND t.assignee_id <> a.owner_id`,
      ),
    ).toBe(0);
    expect(
      one(
        db,
        "SELECT count(*) FROM surveys WHERE loop_closed_at IS NOT NULL AND (loop_note IS NULL OR loop_ms <= 0)",
      ),
    ).toBe(0);
    const old = `${unhappy} AND answered_at < ${NOW - 60 * DAY}`;
    const closed = one(db, `SELECT count(*) FROM surveys WHERE ${old} AND loop_closed_at IS NOT NULL`);
    expect(closed / one(db, `SELECT count(*) FROM surveys WHERE ${old}`)).toBeGreaterThan(0.8);
  });

  it("makes promoters buy again more and leave less than detractors, while some promoters still leave", () => {
    const staying = stayingByClass(db, feedbackDashboardInput.parse({ months: 36, days: 180 }), NOW);
    const row = (cls: string) => {
      const r = staying.rows.find((x) => x.cls === cls);
      if (!r) throw new Error(`no ${cls} row`);
      return r;
    };
    const promoter = row("promoter");
    const detractor = row("detractor");
    expect(promoter.accounts).toBeGreaterThan(20);
    expect(detractor.accounts).toBeGreaterThan(10);
    expect(promoter.repurchaseRate).toBeGreaterThan(detractor.repurchaseRate ?? 1);
    expect(promoter.defectionRate).toBeLessThan(detractor.defectionRate ?? 0);
    expect(staying.promotersDefected.count).toBeGreaterThan(0);
  });

  it("brings some new accounts in by referral from earlier customers", () => {
    const referred = one(db, "SELECT count(*) FROM accounts WHERE referred_by_account_id IS NOT NULL");
    expect(referred).toBeGreaterThan(10);
    expect(
      one(
        db,
        `SELECT count(*) FROM accounts a JOIN accounts r ON r.id = a.referred_by_account_id
          WHERE r.id = a.id OR r.first_order_at IS NULL OR r.first_order_at >= a.created_at`,
      ),
    ).toBe(0);
  });
});
