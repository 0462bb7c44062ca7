// The dashboard on a hand-computed fixture: six closed deals over three months, four of them reviewed.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, dealReviewActions, deals, tasks } from "@/db/schema";
import type { SessionUser } from "../context";
import { insertTestAccount } from "../test/fixtures";
import { addUser, callerFor, createTestDb } from "../test/harness";
import {
  competitorsAndPipeline,
  dealsBehind,
  reasonGap,
  winLossReasons,
  winRates,
} from "./dashboard.queries";

const at = (month: number, day: number) => Date.UTC(2025, month - 1, day, 12);
const NOW = Date.UTC(2025, 5, 1);

describe("win/loss dashboard", () => {
  let db: Db;
  let ann: SessionUser;
  let bo: SessionUser;
  const ids: number[] = [];
  const range = { fromMonth: "2025-01", toMonth: "2025-03", grain: "month" as const, ownerIds: [] };

  beforeAll(async () => {
    db = createTestDb();
    ann = addUser(db, "account_manager", "Ann");
    bo = addUser(db, "account_manager", "Bo");
    const lead = addUser(db, "sales_lead", "Lee");
    // "Rival" is on the competitor list; "Other Co" is not (typed as another name).
    await callerFor(db, addUser(db, "admin")).competitors.create({ name: "Rival" });
    const smb = insertTestAccount(db, { ownerId: ann.id, name: "Small Co" });
    const ent = insertTestAccount(db, { ownerId: bo.id, name: "Big Co" });
    db.update(accounts).set({ segment: "SMB" }).where(eq(accounts.id, smb)).run();
    db.update(accounts).set({ segment: "Enterprise" }).where(eq(accounts.id, ent)).run();
    // owner, account, outcome, close date, owner's reason, competitor, buyer's reason (null: not reviewed)
    const fixture = [
      [ann, smb, "won", at(1, 10), "relationship", null, "product_fit"],
      [ann, smb, "lost", at(1, 20), "price", "Rival", "relationship"],
      [ann, smb, "no_decision", at(2, 5), "no_decision", null, null],
      [bo, ent, "lost", at(2, 15), "price", " rival ", "price"],
      [bo, ent, "lost", at(3, 3), "price", "Other Co", null],
      [bo, ent, "won", at(3, 20), "relationship", null, "relationship"],
    ] as const;
    for (const [owner, accountId, outcome, closedAt, ownerReason, competitor, buyer] of fixture) {
      const deal = await callerFor(db, owner).deals.create({
        accountId,
        title: `${outcome} ${closedAt}`,
        amount: 1000,
      });
      await callerFor(db, owner).deals.close({
        dealId: deal.id,
        outcome,
        closedAt,
        ownerReason,
        competitorOther: competitor,
      });
      ids.push(deal.id);
      if (buyer) {
        await callerFor(db, lead).deals.review({
          dealId: deal.id,
          spokeAt: closedAt + 86_400_000,
          primaryReason: buyer,
          buyerWords: "words",
          actions:
            outcome === "lost"
              ? [{ title: `Win back ${deal.id}`, assigneeId: owner.id, dueAt: NOW + 86_400_000 }]
              : [],
        });
      }
    }
    // The win-back action on Big Co's first lost deal is done: only Small Co's stays in the pipeline.
    const done = db
      .select()
      .from(dealReviewActions)
      .where(eq(dealReviewActions.dealId, ids[3] ?? 0))
      .get();
    db.update(tasks)
      .set({ doneAt: NOW })
      .where(eq(tasks.id, done?.taskId ?? 0))
      .run();
    // An open deal and a deal closed outside the range count nowhere.
    await callerFor(db, ann).deals.create({ accountId: smb, title: "still open", amount: 1 });
    const late = await callerFor(db, ann).deals.create({ accountId: smb, title: "April", amount: 1 });
    await callerFor(db, ann).deals.close({
      dealId: late.id,
      outcome: "won",
      closedAt: at(4, 2),
      ownerReason: "price",
    });
  });

  it("win rate per month leaves no-decision out and shows empty months", () => {
    const r = winRates(db, range);
    expect(r.total).toEqual({ won: 2, lost: 3, noDecision: 1, winRate: 0.4 });
    expect(r.periods).toEqual([
      { period: "2025-01", won: 1, lost: 1, noDecision: 0, winRate: 0.5 },
      { period: "2025-02", won: 0, lost: 1, noDecision: 1, winRate: 0 },
      { period: "2025-03", won: 1, lost: 1, noDecision: 0, winRate: 0.5 },
    ]);
    const quarter = winRates(db, { ...range, grain: "quarter" });
    expect(quarter.periods).toEqual([{ period: "2025-Q1", won: 2, lost: 3, noDecision: 1, winRate: 0.4 }]);
  });

  it("win rate by owner and by segment, and filtered by owner or segment", () => {
    const r = winRates(db, range);
    expect(r.byOwner.map((o) => [o.name, o.won, o.lost, o.noDecision])).toEqual([
      ["Bo", 1, 2, 0],
      ["Ann", 1, 1, 1],
    ]);
    expect(r.bySegment.find((s) => s.segment === "Enterprise")?.winRate).toBeCloseTo(1 / 3, 10);
    expect(winRates(db, { ...range, ownerIds: [bo.id] }).total).toEqual({
      won: 1,
      lost: 2,
      noDecision: 0,
      winRate: 1 / 3,
    });
    expect(winRates(db, { ...range, segment: "SMB" }).total).toEqual({
      won: 1,
      lost: 1,
      noDecision: 1,
      winRate: 0.5,
    });
  });

  it("reasons as Pareto bars, owners' beside buyers'", () => {
    const r = winLossReasons(db, range);
    expect(r.lost.owner).toEqual([{ key: "price", count: 3, share: 1, cumulative: 1 }]);
    expect(r.lost.buyer.map((b) => [b.key, b.count, b.cumulative])).toEqual([
      ["price", 1, 0.5],
      ["relationship", 1, 1],
    ]);
    expect(r.won.owner.map((b) => [b.key, b.count])).toEqual([["relationship", 2]]);
    expect(r.won.buyer.map((b) => [b.key, b.count])).toEqual([
      ["product_fit", 1],
      ["relationship", 1],
    ]);
  });

  it("the agreement matrix: half the reviewed deals agree; reps claim price twice as often as buyers give it", () => {
    const g = reasonGap(db, range);
    expect(g.total).toBe(4);
    expect(g.agreementRate).toBe(0.5);
    const price = g.perReason.find((p) => p.reason === "price");
    expect(price).toMatchObject({ claimed: 2, given: 1, claimedShare: 0.5, givenShare: 0.25 });
    const row = g.reasons.indexOf("price");
    expect(g.cells[row]?.[g.reasons.indexOf("relationship")]).toBe(1);
    expect(g.byOwner.map((o) => [o.name, o.reviewed, o.agreementRate])).toEqual([
      ["Ann", 2, 0],
      ["Bo", 2, 1],
    ]);
  });

  it("competitors and the win-back pipeline (lost deals with open actions only)", () => {
    const c = competitorsAndPipeline(db, range, NOW);
    expect(c.lostTotal).toBe(3);
    // A typed name on the list (any case or spacing) counts as that entry; the rest as one "other" bar.
    expect(c.competitors.map((x) => [x.competitor, x.n])).toEqual([
      ["Rival", 2],
      ["other", 1],
    ]);
    expect(c.pipeline.map((p) => [p.dealId, p.actions, p.done, p.overdue])).toEqual([[ids[1], 1, 0, 0]]);
    // A day after the due date the action is overdue.
    expect(competitorsAndPipeline(db, range, NOW + 3 * 86_400_000).pipeline[0]?.overdue).toBe(1);
  });

  it("clicking a bar lists the deals behind it", () => {
    const drill = (kind: "period" | "ownerReason" | "buyerReason", value: string, outcome?: "lost") =>
      dealsBehind(db, { filters: range, kind, value, outcome, offset: 0, limit: 25 }).items.map((d) => d.id);
    expect(drill("ownerReason", "price", "lost")).toEqual([ids[4], ids[3], ids[1]]);
    expect(drill("buyerReason", "relationship")).toEqual([ids[5], ids[1]]);
    expect(drill("period", "2025-02")).toEqual([ids[3], ids[2]]);
    expect(drill("period", "nonsense")).toEqual([]);
    expect(db.select().from(deals).all()).toHaveLength(8);
  });
});
