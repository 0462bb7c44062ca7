// The feedback dashboard's rollups (migration 0026) give exactly what the plain queries over surveys and feedback
// give: on a hand-built company of a few hundred answers spread over three years (the month still running
// included, with answers after "now" that must not count), for every breakdown and filter the page offers,
// after answers, changes and deletions written later, and from the migration's backfill as from the triggers.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import {
  CUSTOMER_INTERFACES,
  feedback,
  ladderMoves,
  orders,
  SENTIMENTS,
  type SurveyKind,
  surveys,
} from "@/db/schema";
import { insertCustomer } from "../surveys/surveys.fixtures";
import { addUser, createTestDb } from "../test/harness";
import {
  csatByOutcome,
  defectedPromoters,
  stayingByClass,
  surveyBreakdown,
  surveyScores,
} from "./dashboard.queries";
import { BREAKDOWNS, DASHBOARD_MONTHS, feedbackDashboardInput } from "./dashboard.schemas";
import { feedbackThemes } from "./dashboard-feedback.queries";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 11, 15, 12); // the running month is 2025-12, up to the 15th at noon
const START = Date.UTC(2022, 10, 1); // three years and a bit before

/** A small deterministic generator (the data must be the same on every run). */
function rng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const f = (over: Partial<Parameters<typeof feedbackDashboardInput.parse>[0]> = {}) =>
  feedbackDashboardInput.parse({ months: 12, ...over });

let db: Db;
let owners: string[];
let accountIds: number[];
let seq = 0;

function addSurvey(
  p: {
    kind: SurveyKind;
    accountId: number;
    sentAt: number;
    answeredAt: number | null;
    score: number | null;
    ownerId: string | null;
    rung: string | null;
    level: "basic" | "reactive" | "accountable" | "proactive" | "partnership" | null;
    segment: string | null;
    outcome: string | null;
  },
  into: Db = db,
) {
  seq += 1;
  return into
    .insert(surveys)
    .values({
      kind: p.kind,
      token: `rollup-token-${seq}-xxxxxxxx`,
      accountId: p.accountId,
      sentAt: p.sentAt,
      expiresAt: p.sentAt + 30 * DAY,
      answeredAt: p.answeredAt,
      score: p.score,
      complaintOutcome: p.outcome,
      ownerId: p.ownerId,
      rung: p.rung,
      level: p.level,
      segment: p.segment,
      createdAt: p.sentAt,
    })
    .returning({ id: surveys.id })
    .get().id;
}

function addFeedback(p: {
  accountId: number;
  receivedAt: number;
  theme: string;
  iface: (typeof CUSTOMER_INTERFACES)[number];
  sentiment: (typeof SENTIMENTS)[number];
  by: string;
}) {
  return db
    .insert(feedback)
    .values({
      accountId: p.accountId,
      words: "said so",
      interface: p.iface,
      channel: "phone",
      sentiment: p.sentiment,
      theme: p.theme,
      receivedAt: p.receivedAt,
      recordedById: p.by,
      createdAt: p.receivedAt,
      updatedAt: p.receivedAt,
    })
    .returning({ id: feedback.id })
    .get().id;
}

const RUNGS = ["first_time", "repeat", "client", "advocate", null] as const;
const LEVELS = ["basic", "reactive", "accountable", "proactive", null] as const;
const SEGMENTS = ["Retail", "Manufacturing", null] as const;
const OUTCOMES = ["resolved_quickly", "resolved", "unresolved", "unacknowledged", null] as const;
const THEMES = ["product_quality", "service_attitude", "response_speed", "price"] as const;

beforeAll(() => {
  db = createTestDb();
  owners = [addUser(db, "account_manager", "Mei").id, addUser(db, "account_manager", "Max").id];
  accountIds = Array.from({ length: 8 }, (_, i) =>
    insertCustomer(db, { ownerId: owners[i % 2] ?? null, name: `Rollup ${i}` }),
  );
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  for (let i = 0; i < 40; i++) {
    const at = START + Math.floor(r() * (NOW - START));
    db.insert(orders)
      .values({ accountId: pick(accountIds), orderedAt: at, amount: 100, margin: 10, createdAt: at })
      .run();
  }
  for (let i = 0; i < 600; i++) {
    // Sent any time from START to a few days after NOW (those after NOW must not count).
    const sentAt = START + Math.floor(r() * (NOW + 5 * DAY - START));
    const kind = pick(["nps", "nps", "csat_complaint", "csat_deal"] as const);
    const answered = r() < 0.6;
    const answeredAt = answered ? sentAt + Math.floor(r() * 20 * DAY) : null;
    const score = answered ? Math.floor(r() * (kind === "nps" ? 11 : 5)) + (kind === "nps" ? 0 : 1) : null;
    addSurvey({
      kind,
      accountId: pick(accountIds),
      sentAt,
      answeredAt,
      score,
      ownerId: pick([...owners, null]),
      rung: pick(RUNGS),
      level: pick(LEVELS),
      segment: pick(SEGMENTS),
      outcome: kind === "csat_complaint" ? pick(OUTCOMES) : null,
    });
  }
  // Accounts that were asked and never answered, or only years ago.
  for (let i = 0; i < 6; i++) {
    const accountId = insertCustomer(db, { ownerId: owners[i % 2] ?? null, name: `Silent ${i}` });
    accountIds.push(accountId);
    for (let k = 0; k < 3; k++) {
      const sentAt = START + Math.floor(r() * (NOW - START));
      const old = i === 0 && k === 0;
      addSurvey({
        kind: "nps",
        accountId,
        sentAt,
        answeredAt: old ? sentAt + DAY : null,
        score: old ? 8 : null,
        ownerId: owners[i % 2] ?? null,
        rung: "repeat",
        level: "accountable",
        segment: "Retail",
        outcome: null,
      });
    }
  }
  // Answers exactly on the window's edges: the first instant of a month, and just before and at "now".
  const edge = (answeredAt: number) =>
    addSurvey({
      kind: "nps",
      accountId: accountIds[0] as number,
      sentAt: answeredAt - HOUR,
      answeredAt,
      score: 10,
      ownerId: owners[0] ?? null,
      rung: "repeat",
      level: "accountable",
      segment: "Retail",
      outcome: null,
    });
  edge(Date.UTC(2025, 0, 1));
  edge(NOW - 1);
  edge(NOW);
  for (let i = 0; i < 300; i++) {
    addFeedback({
      accountId: pick(accountIds),
      receivedAt: START + Math.floor(r() * (NOW + 5 * DAY - START)),
      theme: pick(THEMES),
      iface: pick(CUSTOMER_INTERFACES.slice(0, 4)),
      sentiment: pick(SENTIMENTS),
      by: pick(owners),
    });
  }
  // What happened after: orders and defections (active → lapsed or lost) through the three years, some written
  // before the surveys they follow and some after.
  for (let i = 0; i < 160; i++) {
    const at = START + Math.floor(r() * (NOW - START));
    const accountId = pick(accountIds);
    if (r() < 0.8) {
      db.insert(orders).values({ accountId, orderedAt: at, amount: 100, margin: 10, createdAt: at }).run();
    } else {
      const toStatus = pick(["lapsed", "lost"] as const);
      db.insert(ladderMoves)
        .values({ accountId, fromRung: "repeat", toRung: "repeat", fromStatus: "active", toStatus, at })
        .run();
    }
  }
  // Accounts as they are now, for the feedback filters: segments and rungs differ.
  db.run(sql`UPDATE accounts SET segment = CASE id % 3 WHEN 0 THEN 'Retail' WHEN 1 THEN 'Manufacturing' END,
    rung = CASE id % 4 WHEN 0 THEN 'client' WHEN 1 THEN 'repeat' ELSE rung END,
    level = CASE id % 3 WHEN 0 THEN 'proactive' WHEN 1 THEN 'accountable' ELSE level END`);
});

/**
 * Every set of filters the page offers (none, each one, each two, each three, all four), for every period: each
 * view is compared for every breakdown and N.
 */
function views() {
  const values = [
    { segment: "Retail" },
    { ownerId: owners[1] },
    { rung: "client" },
    { level: "proactive" },
  ] as const;
  const sets = (1 << values.length) - 1;
  const out: ReturnType<typeof f>[] = [];
  for (const months of DASHBOARD_MONTHS) {
    for (let mask = 0; mask <= sets; mask++) {
      out.push(f(Object.assign({ months }, ...values.filter((_, i) => mask & (1 << i)))));
    }
    // Other values of two filters: the biggest segment and rung beside each other.
    out.push(f({ months, segment: "Manufacturing", rung: "repeat" }));
    out.push(f({ months, level: "accountable", ownerId: owners[0] }));
  }
  return out;
}

function expectSameAnswers() {
  for (const v of views()) {
    for (const days of [7, 30, 90, 180, 365, 730]) {
      const w = { ...v, days };
      expect(stayingByClass(db, w, NOW), JSON.stringify(w)).toEqual(stayingByClass(db, w, NOW, false));
      const page = { ...w, page: 0, limit: 100 };
      expect(defectedPromoters(db, page, NOW), JSON.stringify(w)).toEqual(
        defectedPromoters(db, page, NOW, false),
      );
    }
    expect(surveyScores(db, v, NOW), JSON.stringify(v)).toEqual(surveyScores(db, v, NOW, false));
    for (const by of BREAKDOWNS) {
      const w = { ...v, by };
      expect(surveyBreakdown(db, w, NOW), JSON.stringify(w)).toEqual(surveyBreakdown(db, w, NOW, false));
    }
    expect(csatByOutcome(db, v, NOW), JSON.stringify(v)).toEqual(csatByOutcome(db, v, NOW, false));
    for (const iface of [undefined, "service"] as const) {
      const w = { ...v, interface: iface };
      expect(feedbackThemes(db, w, NOW), JSON.stringify(w)).toEqual(feedbackThemes(db, w, NOW, false));
    }
  }
}

/** The rollups' rows that count (rows fallen to zero are skipped by the readers and left by the triggers). */
function rollupTables() {
  const rows = (table: string, counted: string, order: string) =>
    db.all(sql.raw(`SELECT * FROM ${table} WHERE ${counted} <> 0 ORDER BY ${order}`));
  return {
    answers: rows("survey_answer_rollup", "n", "dim, kind, month, value, cls"),
    sent: rows("survey_sent_rollup", "sent", "dim, kind, month, value"),
    themes: rows("feedback_theme_rollup", "n", "month, theme, interface, sentiment"),
    credit: rows("feedback_credit_rollup", "n", "month, recorded_by_id, interface"),
    answerPairs: rows("survey_answer_pair_rollup", "n", "a_dim, a_value, b_dim, kind, month, b_value, cls"),
    sentPairs: rows("survey_sent_pair_rollup", "sent", "a_dim, a_value, b_dim, kind, month, b_value"),
    themesByAccount: rows("feedback_theme_dim_rollup", "n", "dim, value, month, theme, interface, sentiment"),
    creditByAccount: rows("feedback_credit_dim_rollup", "n", "dim, value, month, recorded_by_id, interface"),
    answerCube: rows("survey_answer_cube", "n", "kind, month, rung, level, segment, outcome, cls"),
    sentCube: rows("survey_sent_cube", "sent", "kind, month, rung, level, segment"),
  };
}

describe("the feedback dashboard's rollups", () => {
  it("give the plain queries' answers for every period, breakdown and filter", () => {
    const s = surveyScores(db, f(), NOW);
    // The data is there to compare: answers in most months, the running month's up to now only.
    expect(s.nps.total.answered).toBeGreaterThan(50);
    expect(s.nps.periods.filter((p) => p.promoters + p.passives + p.detractors > 0).length).toBeGreaterThan(
      9,
    );
    // Accounts answered several times in each class; some bought again, some defected, some never answered.
    const staying = stayingByClass(db, f({ months: 36, days: 90 }), NOW);
    for (const row of staying.rows) expect(row.accounts, row.cls).toBeGreaterThan(0);
    expect(staying.rows.reduce((sum, x) => sum + x.repurchased, 0)).toBeGreaterThan(0);
    expect(staying.promotersDefected.count).toBeGreaterThan(0);
    // The filtered views have figures to compare: NPS by owner for one level, staying for a segment and a rung.
    expect(surveyBreakdown(db, f({ by: "owner", level: "proactive" }), NOW).nps.length).toBeGreaterThan(1);
    const narrow = stayingByClass(db, f({ months: 36, days: 90, segment: "Retail", rung: "client" }), NOW);
    expect(narrow.rows.filter((row) => row.accounts > 0).length).toBeGreaterThan(1);
    expectSameAnswers();
  });

  it("give the answers without a segment a row of their own, not the total", () => {
    const b = surveyBreakdown(db, f({ by: "segment" }), NOW);
    const none = b.nps.find((r) => r.key === null);
    const total = surveyScores(db, f(), NOW).nps.total;
    expect(none?.promoters).toBeGreaterThan(0);
    expect(none?.promoters).toBeLessThan(total.promoters);
    expect(b.nps.reduce((sum, r) => sum + r.promoters, 0)).toBe(total.promoters);
    expect(b.nps.reduce((sum, r) => sum + r.sent, 0)).toBe(total.sent);
  });

  it("count an answer given, changed or taken back after they were built", () => {
    const before = surveyScores(db, f(), NOW);
    const march = (x: typeof before) => x.nps.periods.find((p) => p.period === "2025-03");
    // A survey sent in March answered as a promoter; another's segment corrected; one deleted.
    const id = addSurvey({
      kind: "nps",
      accountId: accountIds[1] as number,
      sentAt: Date.UTC(2025, 2, 3),
      answeredAt: null,
      score: null,
      ownerId: owners[1] ?? null,
      rung: "client",
      level: "proactive",
      segment: "Retail",
      outcome: null,
    });
    db.run(sql`UPDATE surveys SET answered_at = ${Date.UTC(2025, 2, 5)}, score = 10 WHERE id = ${id}`);
    const after = surveyScores(db, f(), NOW);
    expect(march(after)?.promoters).toBe((march(before)?.promoters ?? 0) + 1);
    expect(march(after)?.sent).toBe((march(before)?.sent ?? 0) + 1);
    expect(after.nps.total.answered).toBe(before.nps.total.answered + 1);
    db.run(sql`UPDATE surveys SET segment = 'Manufacturing', level = NULL WHERE id IN (
      SELECT id FROM surveys WHERE answered_at IS NOT NULL ORDER BY id LIMIT 20)`);
    db.run(sql`UPDATE surveys SET owner_id = ${owners[0]}, rung = 'advocate' WHERE id IN (
      SELECT id FROM surveys WHERE owner_id = ${owners[1]} ORDER BY id DESC LIMIT 15)`);
    db.run(sql`UPDATE surveys SET complaint_outcome = 'unresolved' WHERE id IN (
      SELECT id FROM surveys WHERE kind = 'csat_complaint' AND answered_at IS NOT NULL ORDER BY id LIMIT 6)`);
    db.run(sql`UPDATE surveys SET score = 2 WHERE id IN (
      SELECT id FROM surveys WHERE kind = 'nps' AND score >= 9 ORDER BY id DESC LIMIT 5)`);
    db.run(sql`DELETE FROM surveys WHERE id IN (SELECT id FROM surveys ORDER BY id LIMIT 7 OFFSET 40)`);
    // An older answer recorded late (between others of its account), a survey moved to another account, another
    // sent earlier than recorded, an order and a defection after them.
    addSurvey({
      kind: "nps",
      accountId: accountIds[3] as number,
      sentAt: Date.UTC(2024, 5, 1),
      answeredAt: Date.UTC(2024, 5, 2),
      score: 9,
      ownerId: owners[0] ?? null,
      rung: "client",
      level: "proactive",
      segment: null,
      outcome: null,
    });
    db.run(sql`UPDATE surveys SET account_id = ${accountIds[4]} WHERE id IN (
      SELECT id FROM surveys WHERE kind = 'nps' AND account_id = ${accountIds[5]} ORDER BY id LIMIT 3)`);
    db.run(sql`UPDATE surveys SET sent_at = sent_at - ${40 * DAY} WHERE id IN (
      SELECT id FROM surveys WHERE kind = 'nps' AND answered_at IS NULL ORDER BY id DESC LIMIT 4)`);
    db.run(sql`UPDATE surveys SET answered_at = NULL, score = NULL WHERE id IN (
      SELECT id FROM surveys WHERE kind = 'nps' AND answered_at IS NOT NULL ORDER BY id LIMIT 3 OFFSET 100)`);
    // Answers arriving one by one, days after sending, in an order unrelated to it (CSAT ones too): each the
    // answer's own triggers (0032), not the general update's.
    const waiting = db.all<{ id: number; sentAt: number; kind: string }>(
      sql`SELECT id, sent_at AS sentAt, kind FROM surveys WHERE answered_at IS NULL ORDER BY (id * 7919) % 101 LIMIT 60`,
    );
    expect(waiting.filter((w) => w.kind === "nps").length).toBeGreaterThan(20);
    for (const [i, w] of waiting.entries()) {
      const score = w.kind === "nps" ? i % 11 : 1 + (i % 5);
      db.run(
        sql`UPDATE surveys SET answered_at = ${w.sentAt + (1 + (i % 9)) * DAY}, score = ${score} WHERE id = ${w.id}`,
      );
    }
    db.insert(orders)
      .values({
        accountId: accountIds[3] as number,
        orderedAt: Date.UTC(2024, 6, 1),
        amount: 5,
        margin: 1,
        createdAt: NOW,
      })
      .run();
    db.insert(ladderMoves)
      .values({
        accountId: accountIds[6] as number,
        fromRung: "repeat",
        toRung: "repeat",
        fromStatus: "active",
        toStatus: "lost",
        at: Date.UTC(2025, 3, 1),
      })
      .run();
    // Feedback: a new piece in March, a theme corrected, one deleted.
    const themesBefore = feedbackThemes(db, f(), NOW);
    addFeedback({
      accountId: accountIds[2] as number,
      receivedAt: Date.UTC(2025, 2, 9),
      theme: "innovation",
      iface: "billing",
      sentiment: "suggestion",
      by: owners[0] as string,
    });
    const themesAfter = feedbackThemes(db, f(), NOW);
    expect(themesAfter.pareto.find((b) => b.key === "innovation")?.count).toBe(1);
    expect(themesAfter.interfaces).toContain("billing");
    expect(themesAfter.total).toBe(themesBefore.total + 1);
    db.run(sql`UPDATE feedback SET theme = 'price', recorded_by_id = ${owners[1]} WHERE id IN (
      SELECT id FROM feedback ORDER BY id LIMIT 10)`);
    db.run(sql`DELETE FROM feedback WHERE id IN (SELECT id FROM feedback ORDER BY id LIMIT 5 OFFSET 30)`);
    // Accounts as they are now change under the feedback: a rung, a level, an owner and a segment; pieces moved
    // to another account; an account deleted with its surveys and feedback.
    const themesOf = (over: Parameters<typeof f>[0]) => feedbackThemes(db, f(over), NOW);
    const clientBefore = themesOf({ rung: "client" });
    const moved = accountIds[1] as number;
    expect(db.get<{ rung: string }>(sql`SELECT rung FROM accounts WHERE id = ${moved}`)?.rung).not.toBe(
      "client",
    );
    const itsPieces = db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM feedback WHERE account_id = ${moved} AND received_at >= ${clientBefore.from}
        AND received_at < ${clientBefore.to}`,
    )?.n;
    expect(itsPieces).toBeGreaterThan(0);
    db.run(
      sql`UPDATE accounts SET rung = 'client', level = 'partnership', owner_id = ${owners[0]} WHERE id = ${moved}`,
    );
    expect(themesOf({ rung: "client" }).total).toBe(clientBefore.total + (itsPieces ?? 0));
    db.run(sql`UPDATE accounts SET segment = NULL WHERE id = ${accountIds[3]}`);
    db.run(
      sql`UPDATE accounts SET updated_at = updated_at + 1, segment = segment WHERE id = ${accountIds[4]}`,
    );
    db.run(sql`UPDATE feedback SET account_id = ${accountIds[6]} WHERE id IN (
      SELECT id FROM feedback WHERE account_id = ${accountIds[5]} ORDER BY id LIMIT 4)`);
    db.run(sql`DELETE FROM accounts WHERE id = ${accountIds[7]}`);
    expectSameAnswers();
  });

  it("are what the migrations' backfills build from the rows as they are", () => {
    const kept = rollupTables();
    // Pair rows are there to compare: every ordered pair of dimensions, the outcome for complaint surveys only.
    const pairs = db.all<{ a: string; b: string; kinds: string }>(
      sql`SELECT a_dim AS a, b_dim AS b, group_concat(DISTINCT kind) AS kinds FROM survey_answer_pair_rollup
        WHERE n <> 0 GROUP BY 1, 2`,
    );
    expect(pairs).toHaveLength(16);
    expect(pairs.filter((p) => p.b === "outcome").map((p) => p.kinds)).toEqual(
      Array(4).fill("csat_complaint"),
    );
    const backfill = ["0026_feedback_dashboard_speed.sql", "0029_feedback_filtered_views.sql"].flatMap(
      (file) =>
        readFileSync(path.join(process.cwd(), "db/migrations", file), "utf8")
          .split("--> statement-breakpoint")
          .map((s) => s.trim())
          .filter((s) => /^(--[^\n]*\n)*INSERT INTO/.test(s)),
    );
    expect(backfill).toHaveLength(10);
    for (const t of [
      "survey_answer_rollup",
      "survey_sent_rollup",
      "feedback_theme_rollup",
      "feedback_credit_rollup",
      "survey_answer_pair_rollup",
      "survey_sent_pair_rollup",
      "feedback_theme_dim_rollup",
      "feedback_credit_dim_rollup",
      "survey_answer_cube",
      "survey_sent_cube",
    ]) {
      db.run(sql.raw(`DELETE FROM ${t}`));
    }
    for (const statement of backfill) db.$client.exec(statement);
    expect(rollupTables()).toEqual(kept);
  });

  it("keep each survey's firsts columns as the migration's backfill computes them", () => {
    const columns = () =>
      db.all(
        sql`SELECT id, prev_class_at, prev_sent_at, answered_from_sent_at FROM surveys WHERE kind = 'nps' ORDER BY id`,
      );
    const kept = columns();
    const backfill = readFileSync(
      path.join(process.cwd(), "db/migrations/0026_feedback_dashboard_speed.sql"),
      "utf8",
    )
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter((s) => /^(--[^\n]*\n)*UPDATE surveys/.test(s));
    expect(backfill).toHaveLength(1);
    db.run(sql`UPDATE surveys SET prev_class_at = NULL, prev_sent_at = NULL, answered_from_sent_at = NULL`);
    for (const statement of backfill) db.$client.exec(statement);
    expect(columns()).toEqual(kept);
  });
});
