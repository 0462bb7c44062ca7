// The feedback dashboard on a hand-built company: NPS, CSAT and response rates, repurchase and defection per
// answer class against non-respondents, themes as Pareto bars, closing times, and who may read it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { feedback, ladderMoves, orders, type SurveyKind, surveys } from "@/db/schema";
import { insertCustomer } from "../surveys/surveys.fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import {
  csatByOutcome,
  defectedPromoters,
  stayingByClass,
  surveyBreakdown,
  surveyScores,
} from "./dashboard.queries";
import { feedbackDashboardInput } from "./dashboard.schemas";
import { feedbackThemes, referralShare, waitingAndLoops } from "./dashboard-feedback.queries";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // 12 months: 2025-01-01 .. 2025-12-15
const at = (month: number, day: number) => Date.UTC(2025, month - 1, day, 9);
const f = (over: Partial<Parameters<typeof feedbackDashboardInput.parse>[0]> = {}) =>
  feedbackDashboardInput.parse({ months: 12, days: 90, ...over });

let seq = 0;
function survey(
  db: Db,
  accountId: number,
  p: {
    kind?: SurveyKind;
    answeredAt?: number;
    sentAt?: number;
    score?: number;
    outcome?: string;
    rung?: string;
  },
) {
  seq += 1;
  const sentAt = p.sentAt ?? (p.answeredAt ?? 0) - HOUR;
  db.insert(surveys)
    .values({
      kind: p.kind ?? "nps",
      token: `token-${seq}-xxxxxxxxxxxx`,
      accountId,
      sentAt,
      expiresAt: sentAt + 30 * DAY,
      answeredAt: p.answeredAt ?? null,
      score: p.score ?? null,
      complaintOutcome: p.outcome ?? null,
      rung: p.rung ?? "repeat",
      level: "accountable",
      createdAt: sentAt,
    })
    .run();
}
function order(db: Db, accountId: number, orderedAt: number) {
  db.insert(orders).values({ accountId, orderedAt, amount: 100, margin: 10, createdAt: orderedAt }).run();
}
function defect(db: Db, accountId: number, when: number, to: "lapsed" | "lost") {
  db.insert(ladderMoves)
    .values({ accountId, fromRung: "repeat", toRung: "repeat", fromStatus: "active", toStatus: to, at: when })
    .run();
}

let db: Db;
let a: Record<string, number>;

beforeAll(() => {
  db = createTestDb();
  const manager = addUser(db, "account_manager", "Manager Mei");
  a = Object.fromEntries(
    ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"].map((n) => [
      n,
      insertCustomer(db, { ownerId: manager.id, name: n }),
    ]),
  );
  const id = (n: string) => a[n] as number;
  // Promoters: A1 buys again in 31 days; A2 is lost 52 days after answering; A6 answered too recently to judge.
  survey(db, id("A1"), { answeredAt: at(3, 1), score: 10 });
  survey(db, id("A1"), { sentAt: at(3, 1) }); // a second contact of A1 who did not answer
  order(db, id("A1"), at(4, 1));
  survey(db, id("A2"), { answeredAt: at(3, 10), score: 9 });
  defect(db, id("A2"), at(5, 1), "lost");
  survey(db, id("A6"), { answeredAt: at(11, 1), score: 10 });
  // A passive who buys again only after 122 days (outside N = 90).
  survey(db, id("A3"), { answeredAt: at(4, 1), score: 8 });
  order(db, id("A3"), at(8, 1));
  // Detractors: A4 lapses a month later; A5 buys again two weeks later, and a second contact of A5 is a promoter.
  survey(db, id("A4"), { answeredAt: at(5, 1), score: 3 });
  defect(db, id("A4"), at(6, 1), "lapsed");
  survey(db, id("A5"), { answeredAt: at(6, 1), score: 5 });
  order(db, id("A5"), at(6, 15));
  survey(db, id("A5"), { answeredAt: at(7, 1), score: 9 });
  // Asked and never answered: A7 buys again, A8 does not.
  survey(db, id("A7"), { sentAt: at(2, 1) });
  order(db, id("A7"), at(3, 1));
  survey(db, id("A8"), { sentAt: at(2, 1) });
  // CSAT after complaints, by outcome; one after a won deal.
  survey(db, id("A1"), {
    kind: "csat_complaint",
    answeredAt: at(4, 2),
    score: 5,
    outcome: "resolved_quickly",
  });
  survey(db, id("A2"), {
    kind: "csat_complaint",
    answeredAt: at(4, 3),
    score: 4,
    outcome: "resolved_quickly",
  });
  survey(db, id("A3"), { kind: "csat_complaint", answeredAt: at(4, 4), score: 1, outcome: "unresolved" });
  survey(db, id("A3"), { kind: "csat_deal", answeredAt: at(9, 4), score: 3 });
  // Feedback: three on product quality (two through service, one through sales), one on price.
  const fb = (theme: string, iface: "service" | "sales", closeAfter: number | null) =>
    db
      .insert(feedback)
      .values({
        accountId: id("A1"),
        words: "x",
        interface: iface,
        channel: "phone",
        sentiment: "problem",
        theme,
        receivedAt: at(5, 5),
        recordedById: manager.id,
        status: closeAfter === null ? "open" : "closed",
        actionAt: at(5, 5),
        actionDueAt: at(5, 12),
        closedAt: closeAfter === null ? null : at(5, 5) + closeAfter,
        createdAt: at(5, 5),
        updatedAt: at(5, 5),
      })
      .run();
  fb("product_quality", "service", DAY);
  fb("product_quality", "service", 3 * DAY);
  fb("product_quality", "sales", null);
  fb("price", "service", null);
});

describe("NPS and CSAT over time", () => {
  it("counts promoters minus detractors, with the response rate of the surveys sent", () => {
    const s = surveyScores(db, f(), NOW);
    // Answers in the period: promoters A1, A2, A5, A6; passive A3; detractors A4, A5 → (4 − 2) / 7 = 28.6.
    expect(s.nps.total).toMatchObject({ promoters: 4, passives: 1, detractors: 2, nps: 28.6 });
    // Ten relationship surveys sent, seven answered.
    expect(s.nps.total).toMatchObject({ sent: 10, answered: 7, responseRate: 0.7 });
    const march = s.nps.periods.find((p) => p.period === "2025-03");
    expect(march).toMatchObject({ promoters: 2, nps: 100, sent: 3, answered: 2 });
    expect(s.nps.periods).toHaveLength(12);
    // CSAT after complaints: 5, 4 and 1 → 2 of 3 satisfied.
    expect(s.csatComplaint.total).toMatchObject({ satisfied: 2, dissatisfied: 1, csat: 66.7 });
    expect(s.csatDeal.total).toMatchObject({ neutral: 1, csat: 0 });
  });

  it("breaks the scores down by rung", () => {
    const b = surveyBreakdown(db, f({ by: "rung" }), NOW);
    expect(b.nps.map((r) => [r.key, r.nps, r.sent])).toEqual([["repeat", 28.6, 10]]);
  });

  it("shows CSAT by how the complaint ended", () => {
    const rows = csatByOutcome(db, f(), NOW);
    expect(rows.map((r) => [r.outcome, r.answered, r.csat])).toEqual([
      ["resolved_quickly", 2, 100],
      ["resolved", 0, null],
      ["unresolved", 1, 0],
      ["unacknowledged", 0, null],
    ]);
  });
});

describe("does satisfaction predict staying", () => {
  it("gives repurchase and defection within N days per answer class and for those who did not answer", () => {
    const s = stayingByClass(db, f(), NOW);
    expect(s.rows.map((r) => [r.cls, r.accounts, r.repurchased, r.defected])).toEqual([
      ["promoter", 3, 1, 1], // A1 bought again, A2 was lost, A5 neither; A6 is too recent
      ["passive", 1, 0, 0], // A3 bought again only after 122 days
      ["detractor", 2, 1, 1], // A5 bought again, A4 lapsed
      ["no_answer", 2, 1, 0], // A7 bought again, A8 did not; A1's silent contact does not count
    ]);
    expect(s.rows[0]?.repurchaseRate).toBeCloseTo(1 / 3);
    expect(s.promotersDefected).toEqual({ count: 1, share: 1 / 3 });
  });

  it("lists the promoters who defected", () => {
    const list = defectedPromoters(db, { ...f(), page: 0, limit: 10 }, NOW);
    expect(list.items.map((i) => [i.accountName, i.score, i.status])).toEqual([["A2", 9, "active"]]);
    expect(list.hasMore).toBe(false);
  });

  it("counts longer windows only for answers old enough", () => {
    const s = stayingByClass(db, f({ days: 200 }), NOW);
    // N = 200: only answers before 2025-05-29; A3's order on day 122 now counts; A5's answers are too recent.
    expect(s.rows.map((r) => [r.cls, r.accounts, r.repurchased])).toEqual([
      ["promoter", 2, 1],
      ["passive", 1, 1],
      ["detractor", 1, 0],
      ["no_answer", 2, 1],
    ]);
  });
});

describe("themes, waiting and closing", () => {
  it("puts themes in Pareto order with counts per interface and credits who shared them", () => {
    const t = feedbackThemes(db, f(), NOW);
    expect(t.pareto).toEqual([
      { key: "product_quality", count: 3, share: 0.75, cumulative: 0.75 },
      { key: "price", count: 1, share: 0.25, cumulative: 1 },
    ]);
    expect(t.matrix[0]).toEqual({ theme: "product_quality", counts: { sales: 1, service: 2 } });
    expect(t.credit).toEqual([{ userId: expect.any(String), name: "Manager Mei", count: 4, problems: 4 }]);
    expect(feedbackThemes(db, f({ interface: "sales" }), NOW).pareto.map((b) => b.key)).toEqual([
      "product_quality",
    ]);
  });

  it("counts feedback waiting and the median and p90 of the time to close", () => {
    const w = waitingAndLoops(db, f(), NOW);
    expect(w.feedback).toEqual({ open: 2, overdue: 2, closed: 2, median: 2 * DAY, p90: 3 * DAY });
    expect(w.loops).toMatchObject({ open: 0, closed: 0, median: null });
  });

  it("gives the share of new accounts that came by referral beside the literature", () => {
    const r = referralShare(db, f(), NOW);
    expect(r.literature).toEqual({ friendRecommendation: 0.63, tv: 0.25 });
    expect(r.periods).toHaveLength(12);
  });
});

describe("who may read the dashboard", () => {
  it("is leads, executives, admins and service agents, not account managers", async () => {
    for (const role of ALL_ROLES) {
      const c = callerFor(db, addUser(db, role)).feedbackDashboard;
      if (role === "account_manager") {
        await expect(c.scores({ months: 12 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      } else {
        await expect(c.scores({ months: 12 })).resolves.toBeTruthy();
      }
    }
  });

  it("refuses a period it does not offer", async () => {
    const c = callerFor(db, addUser(db, "admin")).feedbackDashboard;
    await expect(c.scores({ months: 7 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
