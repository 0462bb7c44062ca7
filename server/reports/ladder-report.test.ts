import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { type AccountStatus, accounts, type Rung } from "@/db/schema";
import { recordLadderMove } from "../ladder/ladder.queries";
import { fieldErrorsOf, insertTestAccount } from "../test/fixtures";
import { ALL_ROLES, addUser, callerFor, createTestDb } from "../test/harness";
import { defaultPeriod, sumFlows } from "./ladder-report.rules";

const DAY = 86_400_000;
const at = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

function move(
  db: Db,
  accountId: number,
  from: Rung | null,
  to: Rung,
  when: number,
  status: [AccountStatus | null, AccountStatus] = [from === null ? null : "active", "active"],
) {
  recordLadderMove(db, {
    accountId,
    fromRung: from,
    toRung: to,
    fromStatus: status[0],
    toStatus: status[1],
    at: when,
    byUserId: null,
    reason: "test",
  });
}

function setNow(db: Db, id: number, rung: Rung, status: AccountStatus, revenue: number) {
  db.update(accounts).set({ rung, status, revenue }).where(eq(accounts.id, id)).run();
}

// Four accounts with hand-written histories (see each line); the expected figures are worked out by hand.
function seedHistories(db: Db) {
  const a = insertTestAccount(db, { ownerId: null, name: "A" });
  const b = insertTestAccount(db, { ownerId: null, name: "B" });
  const c = insertTestAccount(db, { ownerId: null, name: "C" });
  const d = insertTestAccount(db, { ownerId: null, name: "D" });
  // A: suspect 1 Jan → prospect 11 Jan (10 d) → first-time 10 Feb (30 d) → repeat 12 Mar (30 d);
  //    lapses 5 Apr, won back 1 May.
  move(db, a, null, "suspect", at(2025, 1, 1));
  move(db, a, "suspect", "prospect", at(2025, 1, 11));
  move(db, a, "prospect", "first_time", at(2025, 2, 10));
  move(db, a, "first_time", "repeat", at(2025, 3, 12));
  move(db, a, "repeat", "repeat", at(2025, 4, 5), ["active", "lapsed"]);
  move(db, a, "repeat", "repeat", at(2025, 5, 1), ["lapsed", "active"]);
  // B: suspect 1 Jan → prospect 21 Jan (20 d) → first-time 2 Mar (40 d); lost 3 Jun.
  move(db, b, null, "suspect", at(2025, 1, 1));
  move(db, b, "suspect", "prospect", at(2025, 1, 21));
  move(db, b, "prospect", "first_time", at(2025, 3, 2));
  move(db, b, "first_time", "first_time", at(2025, 6, 3), ["active", "lost"]);
  // C: added as a prospect 1 Feb, disqualified 15 Feb (a move down).
  move(db, c, null, "prospect", at(2025, 2, 1));
  move(db, c, "prospect", "disqualified", at(2025, 2, 15));
  // D: suspect 5 Jan → first-time 20 Mar straight from suspect (skips prospect: no timed climb).
  move(db, d, null, "suspect", at(2025, 1, 5));
  move(db, d, "suspect", "first_time", at(2025, 3, 20));
  setNow(db, a, "repeat", "active", 50_000);
  setNow(db, b, "first_time", "lost", 20_000);
  setNow(db, c, "disqualified", "active", 0);
  setNow(db, d, "first_time", "active", 10_000);
}

describe("the ladder report", () => {
  let db: Db;
  let caller: ReturnType<typeof callerFor>;
  beforeEach(() => {
    db = createTestDb();
    caller = callerFor(db, addUser(db, "executive"));
    seedHistories(db);
  });

  it("counts accounts per rung and status now, with their revenue", async () => {
    const { rungs } = await caller.reports.ladder({ from: "2025-01", to: "2025-07" });
    const by = Object.fromEntries(rungs.map((r) => [r.rung, r]));
    expect(by.repeat).toMatchObject({
      total: 1,
      revenue: 50_000,
      accounts: { active: 1, lapsed: 0, lost: 0 },
    });
    expect(by.first_time).toMatchObject({ total: 2, revenue: 30_000, accounts: { active: 1, lost: 1 } });
    expect(by.disqualified?.total).toBe(1);
    expect(by.partner).toMatchObject({ total: 0, revenue: 0 });
    expect(rungs.map((r) => r.rung)).toEqual([
      "suspect",
      "prospect",
      "first_time",
      "repeat",
      "client",
      "member",
      "advocate",
      "partner",
      "disqualified",
    ]);
  });

  it("gives conversion and median time to climb between consecutive rungs", async () => {
    const { climbs } = await caller.reports.ladder({ from: "2025-01", to: "2025-07" });
    const step = (from: string) => climbs.find((c) => c.from === from);
    // suspect reached by A, B, D; A and B climbed to prospect in 10 and 20 days.
    expect(step("suspect")).toMatchObject({ reached: 3, climbed: 2, medianMs: 15 * DAY });
    expect(step("suspect")?.rate).toBeCloseTo(2 / 3);
    // prospect reached by A, B, C; A (30 d) and B (40 d) climbed; D skipped prospect so does not count.
    expect(step("prospect")).toMatchObject({ reached: 3, climbed: 2, medianMs: 35 * DAY });
    // first-time reached by A, B, D; only A went on to repeat, after 30 days.
    expect(step("first_time")).toMatchObject({ reached: 3, climbed: 1, medianMs: 30 * DAY });
    expect(step("first_time")?.rate).toBeCloseTo(1 / 3);
    // nobody reached client: no rate, no median.
    expect(step("client")).toMatchObject({ reached: 0, climbed: 0, rate: null, medianMs: null });
    expect(climbs).toHaveLength(7);
  });

  it("counts moves up, down and off the ladder per month of the period, every month present", async () => {
    const { flows } = await caller.reports.ladder({ from: "2025-01", to: "2025-07" });
    expect(flows.map((f) => f.month)).toEqual([
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
    ]);
    const month = (m: string) => flows.find((f) => f.month === m);
    expect(month("2025-01")).toMatchObject({ entered: 3, up: 2, down: 0 });
    expect(month("2025-02")).toMatchObject({ entered: 1, up: 1, down: 1 });
    expect(month("2025-03")).toMatchObject({ up: 3 });
    expect(month("2025-04")).toMatchObject({ lapsed: 1, won_back: 0 });
    expect(month("2025-05")).toMatchObject({ won_back: 1 });
    expect(month("2025-06")).toMatchObject({ lost: 1 });
    expect(sumFlows(flows)).toEqual({ entered: 4, up: 6, down: 1, lapsed: 1, lost: 1, won_back: 1 });

    const narrow = await caller.reports.ladder({ from: "2025-03", to: "2025-04" });
    expect(narrow.flows).toEqual([
      { month: "2025-03", entered: 0, up: 3, down: 0, lapsed: 0, lost: 0, won_back: 0 },
    ]);
  });

  it("keeps the earliest arrival when moves are recorded out of order (historical imports)", async () => {
    const e = insertTestAccount(db, { ownerId: null, name: "E" });
    move(db, e, null, "suspect", at(2024, 1, 1));
    move(db, e, "suspect", "prospect", at(2024, 3, 1));
    move(db, e, "suspect", "prospect", at(2024, 2, 1)); // an earlier arrival recorded later
    const { climbs } = await caller.reports.ladder({ from: "2024-01", to: "2024-04" });
    // suspect → prospect: A 10 d, B 20 d, E 31 d (1 Jan → 1 Feb) → median 20 d.
    expect(climbs[0]).toMatchObject({ reached: 4, climbed: 3, medianMs: 20 * DAY });
  });

  it("counts reached and climbed per rung as the arrivals themselves say, after later moves and deletions", async () => {
    const plain = () =>
      db.$client
        .prepare(
          "SELECT rung, count(*) AS reached, count(climb_ms) AS climbed FROM ladder_reached GROUP BY rung",
        )
        .all();
    const kept = () =>
      db.$client
        .prepare("SELECT rung, reached, climbed FROM ladder_reached_totals WHERE reached <> 0 ORDER BY rung")
        .all();
    expect(kept()).toEqual(plain());
    const e = insertTestAccount(db, { ownerId: null, name: "E" });
    move(db, e, null, "suspect", at(2024, 1, 1));
    move(db, e, "suspect", "prospect", at(2024, 3, 1));
    move(db, e, "suspect", "prospect", at(2024, 2, 1));
    move(db, e, "prospect", "first_time", at(2024, 4, 1));
    expect(kept()).toEqual(plain());
    db.delete(accounts).where(eq(accounts.name, "A")).run();
    expect(kept()).toEqual(plain());
    const { climbs } = await caller.reports.ladder({ from: "2024-01", to: "2024-04" });
    // suspect reached by B, D, E; B (20 d) and E (31 d) climbed to prospect.
    expect(climbs[0]).toMatchObject({ reached: 3, climbed: 2 });
  });

  it("every role may read it; signed-out callers may not", async () => {
    for (const role of ALL_ROLES) {
      const r = await callerFor(db, addUser(db, role)).reports.ladder({ from: "2025-01", to: "2025-02" });
      expect(r.flows).toHaveLength(1);
    }
    await expect(
      callerFor(db, null).reports.ladder({ from: "2025-01", to: "2025-02" }),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("refuses a period that ends before it starts or is not a month, naming the field", async () => {
    expect(await fieldErrorsOf(caller.reports.ladder({ from: "2025-06", to: "2025-01" }))).toMatchObject({
      to: ["The end must come after the start."],
    });
    expect(await fieldErrorsOf(caller.reports.ladder({ from: "2025-13", to: "2026-01" }))).toMatchObject({
      from: ["Choose a month (YYYY-MM)."],
    });
    expect(await fieldErrorsOf(caller.reports.ladder({ from: "1900-01", to: "2026-01" }))).toMatchObject({
      from: ["Choose a period of at most 120 months."],
    });
  });
});

describe("report periods", () => {
  it("defaults to the twelve months up to and including this one", () => {
    expect(defaultPeriod(Date.UTC(2026, 10, 22))).toEqual({ from: "2025-12", to: "2026-12" });
  });
});
