// deal_rollup (issue #12 §1): the win/loss dashboard read from the rollup gives exactly what the plain queries
// over deals and deal_reviews give, on a hand-built set of deals in every status (with and without segment,
// reason, competitor and review), and still does after closing, reopening, reassigning, re-dating, reviewing,
// deleting and an account's deletion cascading to its deals.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, competitors, dealReviewActions, dealReviews, deals, tasks } from "@/db/schema";
import { insertTestAccount } from "../test/fixtures";
import { addUser, createTestDb } from "../test/harness";
import {
  type CountSource,
  competitorsAndPipeline,
  reasonGap,
  winLossReasons,
  winRates,
} from "./dashboard.queries";
import type { DashboardInput } from "./deals.schemas";

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 11, 15, 12);

function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const monthOf = (ms: number) => new Date(ms).getUTCFullYear() * 12 + new Date(ms).getUTCMonth();
const REASONS = ["price", "relationship", "product_fit", "timing"] as const;
const STATUSES = ["open", "won", "lost", "lost", "no_decision"] as const;

function setup() {
  const db = createTestDb();
  const owners = [addUser(db, "account_manager", "Ann"), addUser(db, "account_manager", "Bo")].map(
    (u) => u.id,
  );
  const reviewer = addUser(db, "sales_lead", "Lee").id;
  const accountIds = ["A", "B", "C"].map((name) => insertTestAccount(db, { ownerId: null, name }));
  const rivals = ["Rival", "Brightline"].map(
    (name) =>
      db
        .insert(competitors)
        .values({ name, nameKey: name.toLowerCase(), createdAt: 0, updatedAt: 0 })
        .returning({ id: competitors.id })
        .get().id,
  );
  const next = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  function addDeal(): number {
    const status = pick(STATUSES);
    const closedAt = status === "open" ? null : NOW - Math.floor(next() * 500 * DAY);
    const lost = status === "lost";
    const id = db
      .insert(deals)
      .values({
        accountId: pick(accountIds),
        ownerId: pick(owners),
        title: "deal",
        amount: Math.floor(next() * 100_000),
        segment: next() < 0.3 ? null : pick(["SMB", "Enterprise"]),
        stage: "qualified",
        status,
        closedAt,
        closedMonth: closedAt === null ? null : monthOf(closedAt),
        ownerReason: closedAt === null ? null : pick(REASONS),
        competitorId: lost && next() < 0.5 ? pick(rivals) : null,
        competitorOther: lost && next() < 0.3 ? pick(["Other Co", "Acme"]) : null,
        createdAt: NOW - 600 * DAY,
        updatedAt: NOW - 600 * DAY,
      })
      .returning({ id: deals.id })
      .get().id;
    if (closedAt !== null && next() < 0.5) review(id);
    return id;
  }
  function review(dealId: number) {
    const d = db.select().from(deals).where(eq(deals.id, dealId)).get();
    if (!d || d.closedAt === null || d.closedMonth === null || d.status === "open") return;
    db.insert(dealReviews)
      .values({
        dealId,
        reviewerId: reviewer,
        spokeAt: d.closedAt + DAY,
        primaryReason: pick(REASONS),
        buyerWords: "words",
        outcome: d.status,
        closedAt: d.closedAt,
        closedMonth: d.closedMonth,
        ownerId: d.ownerId,
        segment: d.segment,
        ownerReason: d.ownerReason ?? "price",
        createdAt: d.closedAt + DAY,
      })
      .run();
  }
  return { db, owners, accountIds, rivals, next, addDeal, review };
}

const RANGES: DashboardInput[] = [
  { fromMonth: "2025-01", toMonth: "2025-12", grain: "month", ownerIds: [] },
  { fromMonth: "2024-01", toMonth: "2025-12", grain: "quarter", ownerIds: [] },
  { fromMonth: "2025-06", toMonth: "2025-06", grain: "month", ownerIds: [] },
];

function expectSame(db: Db) {
  for (const f of RANGES) {
    const read = (source: CountSource) => ({
      winRates: winRates(db, f, source),
      reasons: winLossReasons(db, f, source),
      gap: reasonGap(db, f, source),
      competitors: competitorsAndPipeline(db, f, NOW, source),
    });
    expect({ f, ...read("rollup") }).toEqual({ f, ...read("plain") });
  }
}

describe("the win/loss dashboard from deal_rollup", () => {
  it("gives what the plain queries give, before and after writes of every kind", () => {
    const { db, owners, accountIds, next, addDeal, review } = setup();
    const ids: number[] = [];
    for (let i = 0; i < 300; i++) ids.push(addDeal());
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM deal_reviews`)?.n).toBeGreaterThan(50);
    expectSame(db);

    // Closing open deals (and reviewing some), reopening closed ones, reassigning, re-dating, a competitor
    // named, a segment and a reason changed, untouched saves.
    const open = db.select({ id: deals.id }).from(deals).where(eq(deals.status, "open")).all();
    for (const { id } of open.slice(0, 20)) {
      const closedAt = NOW - Math.floor(next() * 300 * DAY);
      db.update(deals)
        .set({ status: "lost", closedAt, closedMonth: monthOf(closedAt), ownerReason: "price" })
        .where(eq(deals.id, id))
        .run();
      if (next() < 0.5) review(id);
    }
    for (const id of ids.slice(0, 20)) {
      db.update(deals)
        .set({ status: "open", closedAt: null, closedMonth: null, ownerReason: null })
        .where(eq(deals.id, id))
        .run();
    }
    for (const id of ids.slice(20, 60)) {
      db.update(deals)
        .set({ ownerId: owners[0], segment: "Enterprise", closedMonth: monthOf(NOW - 30 * DAY), amount: 7 })
        .where(eq(deals.id, id))
        .run();
    }
    for (const id of ids.slice(60, 80)) {
      db.update(deals)
        .set({ competitorId: null, competitorOther: "Newco", ownerReason: "timing" })
        .where(eq(deals.id, id))
        .run();
    }
    db.update(deals).set({ updatedAt: NOW }).run();
    // Reviews changed and withdrawn; deals deleted one by one and with their account.
    db.update(dealReviews)
      .set({ primaryReason: "price", ownerId: owners[1] as string })
      .run();
    const someReviews = db.select({ id: dealReviews.id }).from(dealReviews).limit(10).all();
    for (const { id } of someReviews) db.delete(dealReviews).where(eq(dealReviews.id, id)).run();
    for (const id of ids.slice(80, 100)) db.delete(deals).where(eq(deals.id, id)).run();
    db.delete(accounts)
      .where(eq(accounts.id, accountIds.pop() as number))
      .run();
    for (let i = 0; i < 60; i++) addDeal();
    expectSame(db);
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM deal_rollup WHERE n <= 0`)?.n).toBe(0);
  });

  it("reads the deals themselves when owners or a segment are chosen", () => {
    const { db, owners, addDeal } = setup();
    for (let i = 0; i < 40; i++) addDeal();
    db.run(sql`DELETE FROM deal_rollup`); // a rollup read would now find nothing
    const f = { ...(RANGES[0] as DashboardInput), ownerIds: [owners[0] as string] };
    expect(winRates(db, f)).toEqual(winRates(db, f, "plain"));
    expect(winRates(db, f).total.won + winRates(db, f).total.lost).toBeGreaterThan(0);
    const g = { ...(RANGES[0] as DashboardInput), segment: "SMB" };
    expect(winLossReasons(db, g)).toEqual(winLossReasons(db, g, "plain"));
  });

  it("lists the same 50 win-back deals when it stops early, ties in due time included", () => {
    const { db, owners, accountIds, next, addDeal } = setup();
    for (let i = 0; i < 400; i++) addDeal();
    const reviewed = db.all<{ dealId: number; reviewId: number; accountId: number; status: string }>(
      sql`SELECT r.deal_id AS dealId, r.id AS reviewId, d.account_id AS accountId, d.status AS status
        FROM deal_reviews r JOIN deals d ON d.id = r.deal_id`,
    );
    const lost = reviewed.filter((r) => r.status === "lost");
    expect(lost.length).toBeGreaterThan(60);
    const addTask = (r: (typeof reviewed)[number], dueAt: number, done: boolean, kind = "win_back") => {
      const taskId = db
        .insert(tasks)
        .values({
          accountId: r.accountId,
          assigneeId: owners[0] as string,
          dueAt,
          title: "Win back",
          kind: kind as "win_back",
          doneAt: done ? NOW : null,
          createdAt: NOW,
        })
        .returning({ id: tasks.id })
        .get().id;
      db.insert(dealReviewActions).values({ reviewId: r.reviewId, dealId: r.dealId, taskId }).run();
    };
    // First, a block of open tasks all due at the same moment, more than the first batch reads, written deal by
    // deal from the largest id down (so the smallest ids come last); then tasks at a few due times with ties,
    // some done, some kept for won deals (keep_business).
    for (const r of [...lost].sort((a, b) => b.dealId - a.dealId)) {
      for (let k = 0; k < 8; k++) addTask(r, NOW - 10 * DAY, false);
    }
    for (const r of reviewed) {
      for (let k = 0; k < 3; k++) {
        const dueAt = NOW + Math.floor(next() * 5) * DAY - 3 * DAY;
        addTask(r, dueAt, next() < 0.3, r.status === "lost" ? "win_back" : "keep_business");
      }
    }
    expectSame(db);
    // Fewer than 50 deals in the pipeline.
    const few = { fromMonth: "2025-11", toMonth: "2025-11", grain: "month" as const, ownerIds: [] };
    const pipeline = competitorsAndPipeline(db, few, NOW).pipeline;
    expect(pipeline.length).toBeLessThan(50);
    expect(pipeline).toEqual(competitorsAndPipeline(db, few, NOW, "plain").pipeline);
    expect(accountIds.length).toBe(3);
  });
});
