import { describe, expect, it } from "vitest";
import { addUser, callerFor, createTestDb } from "../test/harness";
import { addOrder, DAY, fillSegment, levelOf, makeAccount, NOW, yearlyMarginOf } from "./levels.fixtures";
import { marginWindowStart, recomputeRecommendedLevels } from "./recommend.queries";

describe("recommended level from Kotler's matrix", () => {
  it("a high-margin account is proactive among 999 customers and accountable among 1,000", () => {
    const db = createTestDb();
    fillSegment(db, "Retail", 998);
    const a = makeAccount(db, { segment: "Retail" });
    addOrder(db, { accountId: a, at: NOW - 10 * DAY, amount: 10_000, margin: 3_500 });
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("proactive"); // 999 customers: medium size, 35%: high margin
    fillSegment(db, "Retail", 1);
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("accountable"); // 1,000 customers: many
  });

  it("99 customers is few, 100 is medium", () => {
    const db = createTestDb();
    fillSegment(db, "Clinics", 98);
    const a = makeAccount(db, { segment: "Clinics" });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 1_000, margin: 50 }); // 5%: low
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("accountable"); // few + low
    fillSegment(db, "Clinics", 1);
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("reactive"); // medium + low
  });

  it("bands the margin exactly at 10% and 30% for a small segment", () => {
    const db = createTestDb();
    const cases: [number, string][] = [
      [3_000, "partnership"], // exactly 30%: high
      [2_999, "proactive"], // 29.99%: medium
      [1_000, "proactive"], // exactly 10%: medium
      [999, "accountable"], // 9.99%: low
    ];
    const ids = cases.map(([margin]) => {
      const id = makeAccount(db, { segment: `Niche ${margin}` });
      addOrder(db, { accountId: id, at: NOW - DAY, amount: 10_000, margin });
      return id;
    });
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(ids.map((id) => levelOf(db, id))).toEqual(cases.map(([, level]) => level));
  });

  it("uses the last 12 months when there are orders in them, and lifetime when there are none", () => {
    const db = createTestDb();
    const recent = makeAccount(db, { segment: "A" });
    addOrder(db, { accountId: recent, at: NOW - 500 * DAY, amount: 10_000, margin: 5_000 }); // 50%, old
    addOrder(db, { accountId: recent, at: NOW - 30 * DAY, amount: 10_000, margin: 500 }); // 5%, recent
    const dormant = makeAccount(db, { segment: "B" });
    addOrder(db, { accountId: dormant, at: NOW - 500 * DAY, amount: 10_000, margin: 5_000 });
    addOrder(db, { accountId: dormant, at: NOW - 400 * DAY, amount: 10_000, margin: 1_000 }); // lifetime 30%
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, recent)).toBe("accountable"); // few + low (12 months: 5%)
    expect(levelOf(db, dormant)).toBe("partnership"); // few + high (lifetime: 6,000 / 20,000)
  });

  it("the window starts one calendar year before asOf, and later orders do not count", () => {
    const db = createTestDb();
    const start = marginWindowStart(NOW);
    expect(start).toBe(Date.UTC(2024, 5, 10, 9, 0, 0));
    const a = makeAccount(db, { segment: "C" });
    addOrder(db, { accountId: a, at: start, amount: 10_000, margin: 5_000 }); // on the edge: outside
    addOrder(db, { accountId: a, at: start + 1, amount: 10_000, margin: 500 }); // inside: 5%
    addOrder(db, { accountId: a, at: NOW + DAY, amount: 10_000, margin: 9_000 }); // after asOf: ignored
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("accountable"); // few + low
  });

  it("accounts without a segment form one group; an account without orders gets no recommendation", () => {
    const db = createTestDb();
    fillSegment(db, null, 98);
    const a = makeAccount(db, { segment: null });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 1_000, margin: 50 }); // 5%: low
    const none = makeAccount(db, { segment: null });
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("reactive"); // 100 unsegmented: medium + low
    expect(levelOf(db, none)).toBeNull(); // nothing to recommend from
    expect(yearlyMarginOf(db, none)).toBeNull();
  });

  it("stores the yearly margin: the last 12 months', or the lifetime margin per year as a customer", () => {
    const db = createTestDb();
    const recent = makeAccount(db, { segment: "A" });
    addOrder(db, { accountId: recent, at: NOW - 500 * DAY, amount: 10_000, margin: 5_000 });
    addOrder(db, { accountId: recent, at: NOW - 30 * DAY, amount: 8_000, margin: 1_200 });
    // No order in the last 12 months: 7,300 over 730 days = 2 years → 3,650 a year.
    const dormant = makeAccount(db, { segment: "B" });
    addOrder(db, { accountId: dormant, at: NOW - 730 * DAY, amount: 20_000, margin: 6_000 });
    addOrder(db, { accountId: dormant, at: NOW - 400 * DAY, amount: 5_000, margin: 1_300 });
    // A single old order 200 days ago counts as at least a year: 900 / 1.
    const young = makeAccount(db, { segment: "C" });
    addOrder(db, { accountId: young, at: NOW - 200 * DAY, amount: 3_000, margin: 900 });
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(yearlyMarginOf(db, recent)).toBe(1_200);
    expect(yearlyMarginOf(db, dormant)).toBe(3_650);
    expect(yearlyMarginOf(db, young)).toBe(900);
  });

  it("recomputes only the accounts asked for", () => {
    const db = createTestDb();
    const a = makeAccount(db, { segment: "X" });
    const b = makeAccount(db, { segment: "Y" });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 1_000, margin: 50 });
    addOrder(db, { accountId: b, at: NOW - DAY, amount: 1_000, margin: 50 });
    expect(recomputeRecommendedLevels(db, { asOf: NOW, accountIds: [a] })).toBe(1);
    expect(levelOf(db, a)).toBe("accountable");
    expect(levelOf(db, b)).toBeNull();
    expect(recomputeRecommendedLevels(db, { asOf: NOW, segments: ["Y"] })).toBe(1);
    expect(levelOf(db, b)).toBe("accountable");
    expect(recomputeRecommendedLevels(db, { asOf: NOW })).toBe(0); // nothing left to change
  });

  it("a new order updates the account's recommendation at once", async () => {
    const db = createTestDb();
    const am = addUser(db, "account_manager");
    const a = makeAccount(db, { segment: "Z", ownerId: am.id });
    await callerFor(db, am).orders.create({
      accountId: a,
      orderedAt: Date.now() - DAY,
      amount: 10_000,
      margin: 4_000,
    });
    expect(levelOf(db, a)).toBe("partnership"); // few + high
  });

  it("the account that makes a segment reach 100 re-ranks the whole segment", async () => {
    const db = createTestDb();
    const lead = addUser(db, "sales_lead");
    fillSegment(db, "Labs", 98);
    const a = makeAccount(db, { segment: "Labs" });
    addOrder(db, { accountId: a, at: NOW - DAY, amount: 1_000, margin: 50 });
    recomputeRecommendedLevels(db, { asOf: NOW });
    expect(levelOf(db, a)).toBe("accountable"); // 99: few + low
    const { id } = await callerFor(db, lead).accounts.create({
      kind: "company",
      name: "New lab",
      segment: "Labs",
      level: "reactive",
    });
    expect(levelOf(db, a)).toBe("reactive"); // 100: medium + low
    expect(levelOf(db, id)).toBeNull(); // the new lab has no orders yet
    await callerFor(db, lead).accounts.update({ id, segment: "Elsewhere" });
    expect(levelOf(db, a)).toBe("accountable"); // back to 99
    expect(levelOf(db, id)).toBeNull();
  });
});
