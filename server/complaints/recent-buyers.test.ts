// The complaints dashboard's comparison group read from recent_buyers (migration 0030) gives what the plain
// query over orders and complaints gives: hand-counted on a few accounts around the period's first day, after
// orders and complaints are added, moved and deleted and an account goes, and from the migration's backfill.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, complaints, orders } from "@/db/schema";
import { insertTestAccount } from "../test/fixtures";
import { createTestDb } from "../test/harness";
import { insertComplaintRow } from "./complaints.fixtures";
import { noComplaintRepurchase } from "./dashboard.queries";
import { complaintDashboardInput } from "./dashboard.schemas";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // 12 months: from 2025-01-01, the anchor; recent buyers from 2024-12-02
const ANCHOR = Date.UTC(2025, 0, 1);
const f = (over: Partial<Parameters<typeof complaintDashboardInput.parse>[0]> = {}) =>
  complaintDashboardInput.parse({ months: 12, ...over });

const addComplaint = (db: Db, accountId: number, receivedAt: number) =>
  insertComplaintRow(db, accountId, { receivedAt });

function addOrder(db: Db, accountId: number, orderedAt: number): number {
  return db
    .insert(orders)
    .values({ accountId, orderedAt, amount: 1000, margin: 100, createdAt: orderedAt })
    .returning({ id: orders.id })
    .get().id;
}

/** The figure from the rollup, checked against the plain query for several periods and windows. */
function figure(db: Db, over: Parameters<typeof f>[0] = {}) {
  for (const months of [1, 3, 12, 13, 24]) {
    for (const repurchaseDays of [7, 45, 180, 240]) {
      const w = f({ months, repurchaseDays });
      expect(noComplaintRepurchase(db, w, NOW), JSON.stringify(w)).toEqual(
        noComplaintRepurchase(db, w, NOW, "plain"),
      );
    }
  }
  const { accounts: n, repurchased } = noComplaintRepurchase(db, f(over), NOW);
  return [n, repurchased];
}

describe("the accounts without a complaint, from recent_buyers", () => {
  it("counts the month's recent buyers without a complaint in the period and those who ordered again", () => {
    const db = createTestDb();
    const account = (name: string) => insertTestAccount(db, { ownerId: null, name });
    // P ordered in December and again on 1 March (59 days after the anchor).
    const P = account("P");
    addOrder(db, P, Date.UTC(2024, 11, 10));
    const pMarch = addOrder(db, P, Date.UTC(2025, 2, 1));
    // Q ordered in December and complained in May: not in the comparison.
    const Q = account("Q");
    addOrder(db, Q, Date.UTC(2024, 11, 20));
    addOrder(db, Q, Date.UTC(2025, 1, 1));
    const qComplaint = addComplaint(db, Q, Date.UTC(2025, 4, 1));
    // R complained in December, before the period; ordered again on 1 August (212 days).
    const R = account("R");
    addOrder(db, R, Date.UTC(2024, 11, 5));
    const rComplaint = addComplaint(db, R, Date.UTC(2024, 11, 20));
    addOrder(db, R, Date.UTC(2025, 7, 1));
    // S ordered on 20 November (more than 30 days before) and in February: not a recent buyer.
    const S = account("S");
    const sNovember = addOrder(db, S, Date.UTC(2024, 10, 20));
    addOrder(db, S, Date.UTC(2025, 1, 1));
    // T ordered exactly 30 days before the anchor (counts) and exactly at it (neither before nor after it).
    const T = account("T");
    addOrder(db, T, ANCHOR - 30 * DAY);
    addOrder(db, T, ANCHOR);
    // U ordered only at the anchor: not before it.
    addOrder(db, account("U"), ANCHOR);

    // P, R and T; within 180 days only P ordered again, within 240 days R too.
    expect(figure(db)).toEqual([3, 1]);
    expect(figure(db, { repurchaseDays: 240 })).toEqual([3, 2]);
    expect(noComplaintRepurchase(db, f(), NOW).rate).toBeCloseTo(1 / 3);

    // A complaint in the period takes P out; taken back, P is in again.
    const pComplaint = addComplaint(db, P, Date.UTC(2025, 5, 1));
    expect(figure(db)).toEqual([2, 0]);
    db.delete(complaints).where(eq(complaints.id, pComplaint)).run();
    expect(figure(db)).toEqual([3, 1]);
    // A complaint after "now" does not count; Q's complaint moved after it brings Q in (ordered 1 February).
    db.update(complaints)
      .set({ receivedAt: NOW + DAY })
      .where(eq(complaints.id, qComplaint))
      .run();
    expect(figure(db)).toEqual([4, 2]);
    // R's old complaint moved into the period takes R out.
    db.update(complaints)
      .set({ receivedAt: Date.UTC(2025, 1, 1) })
      .where(eq(complaints.id, rComplaint))
      .run();
    expect(figure(db, { repurchaseDays: 240 })).toEqual([3, 2]);
    // T orders on 15 February; P's March order is deleted.
    addOrder(db, T, Date.UTC(2025, 1, 15));
    expect(figure(db)).toEqual([3, 3]);
    db.delete(orders).where(eq(orders.id, pMarch)).run();
    expect(figure(db)).toEqual([3, 2]);
    // S's November order moved to 15 December makes S a recent buyer who ordered again in February.
    db.update(orders)
      .set({ orderedAt: Date.UTC(2024, 11, 15) })
      .where(eq(orders.id, sNovember))
      .run();
    expect(figure(db)).toEqual([4, 3]);
    // T goes with its orders.
    db.delete(accounts).where(eq(accounts.id, T)).run();
    expect(figure(db)).toEqual([3, 2]);
    expect(
      db.get<{ n: number }>(sql`SELECT count(*) AS n FROM recent_buyers WHERE account_id = ${T}`)?.n,
    ).toBe(0);

    // The migration's backfill builds what the triggers kept.
    const kept = db.all(sql`SELECT * FROM recent_buyers ORDER BY account_id, anchor`);
    expect(kept.length).toBeGreaterThan(5);
    const migration = readFileSync(
      path.join(process.cwd(), "db/migrations/0030_complaints_recent_buyers.sql"),
      "utf8",
    );
    const backfill = migration
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .find((s) => /^(--[^\n]*\n)*INSERT INTO recent_buyers/.test(s));
    expect(backfill).toBeDefined();
    db.run(sql`DELETE FROM recent_buyers`);
    db.$client.exec(backfill as string);
    expect(db.all(sql`SELECT * FROM recent_buyers ORDER BY account_id, anchor`)).toEqual(kept);
  });

  it("gives the plain query's figure on many accounts, orders and complaints over three years", () => {
    const db = createTestDb();
    let x = 11;
    const next = () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
      return x / 2_147_483_648;
    };
    const START = Date.UTC(2022, 10, 1);
    const ids = Array.from({ length: 30 }, (_, i) => insertTestAccount(db, { ownerId: null, name: `A${i}` }));
    const pick = () => ids[Math.floor(next() * ids.length)] as number;
    const when = () => START + Math.floor(next() * (NOW + 10 * DAY - START));
    for (let i = 0; i < 800; i++) addOrder(db, pick(), when());
    for (let i = 0; i < 20; i++) addComplaint(db, pick(), when());
    // Month starts exactly (an order at the anchor is not before it).
    for (let m = 0; m < 36; m++) addOrder(db, pick(), Date.UTC(2023, m, 1));
    for (const months of [1, 6, 12, 24, 36]) {
      for (const repurchaseDays of [7, 30, 90, 180, 365]) {
        const w = f({ months, repurchaseDays });
        expect(noComplaintRepurchase(db, w, NOW), JSON.stringify(w)).toEqual(
          noComplaintRepurchase(db, w, NOW, "plain"),
        );
      }
    }
    expect(noComplaintRepurchase(db, f({ months: 24 }), NOW).accounts).toBeGreaterThan(3);
  });
});
