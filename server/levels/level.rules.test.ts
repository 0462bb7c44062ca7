import { describe, expect, it } from "vitest";
import {
  checkInDueAt,
  gapDirection,
  isCadenceOverdue,
  levelGap,
  levelStake,
  marginBand,
  recommendLevel,
  recommendLevelFor,
  segmentSize,
  yearlyMargin,
} from "./level.rules";

const DAY = 86_400_000;

describe("Kotler's level matrix", () => {
  it("sizes a segment at each threshold edge", () => {
    expect(segmentSize(1000)).toBe("many");
    expect(segmentSize(999)).toBe("medium");
    expect(segmentSize(100)).toBe("medium");
    expect(segmentSize(99)).toBe("few");
    expect(segmentSize(0)).toBe("few");
  });

  it("bands the margin at each threshold edge", () => {
    expect(marginBand(30, 100)).toBe("high"); // exactly 30%
    expect(marginBand(2999, 10000)).toBe("medium"); // 29.99%
    expect(marginBand(10, 100)).toBe("medium"); // exactly 10%
    expect(marginBand(999, 10000)).toBe("low"); // 9.99%
    expect(marginBand(-50, 100)).toBe("low");
    expect(marginBand(0, 0)).toBe("low");
  });

  it("recommends every cell of the matrix, with 'basic or reactive' as reactive", () => {
    expect(recommendLevel("many", "high")).toBe("accountable");
    expect(recommendLevel("many", "medium")).toBe("reactive");
    expect(recommendLevel("many", "low")).toBe("reactive");
    expect(recommendLevel("medium", "high")).toBe("proactive");
    expect(recommendLevel("medium", "medium")).toBe("accountable");
    expect(recommendLevel("medium", "low")).toBe("reactive");
    expect(recommendLevel("few", "high")).toBe("partnership");
    expect(recommendLevel("few", "medium")).toBe("proactive");
    expect(recommendLevel("few", "low")).toBe("accountable");
  });

  it("uses the last 12 months when there are orders in them, else lifetime", () => {
    const recent = recommendLevelFor({
      segmentCustomers: 40,
      margin12m: 500,
      revenue12m: 10_000, // 5%: low
      marginLifetime: 40_000,
      revenueLifetime: 100_000, // 40%: high
    });
    expect(recent).toEqual({ level: "accountable", size: "few", band: "low", basis: "12m" });
    const old = recommendLevelFor({
      segmentCustomers: 40,
      margin12m: 0,
      revenue12m: 0,
      marginLifetime: 40_000,
      revenueLifetime: 100_000,
    });
    expect(old).toEqual({ level: "partnership", size: "few", band: "high", basis: "lifetime" });
  });

  it("follows thresholds an admin changed", () => {
    const t = {
      manyCustomersAtLeast: 50,
      mediumCustomersAtLeast: 10,
      highMarginAtLeast: 0.5,
      mediumMarginAtLeast: 0.2,
    };
    expect(segmentSize(50, t)).toBe("many");
    expect(marginBand(40, 100, t)).toBe("medium");
  });
});

describe("contact cadence", () => {
  const now = Date.UTC(2026, 10, 22);

  it("a proactive account is overdue after 30 days without contact, not at exactly 30", () => {
    const base = { level: "proactive" as const, now, levelSince: 0, openCadenceTaskDueAts: [] };
    expect(isCadenceOverdue({ ...base, lastContactAt: now - 30 * DAY })).toBe(false);
    expect(isCadenceOverdue({ ...base, lastContactAt: now - 30 * DAY - 1 })).toBe(true);
  });

  it("a partnership account is due every 14 days; a new level starts its own clock", () => {
    const base = { level: "partnership" as const, now, openCadenceTaskDueAts: [] };
    expect(isCadenceOverdue({ ...base, lastContactAt: now - 15 * DAY, levelSince: 0 })).toBe(true);
    expect(isCadenceOverdue({ ...base, lastContactAt: null, levelSince: now - 3 * DAY })).toBe(false);
  });

  it("basic and reactive promise no contact, but a cadence task past due makes any account overdue", () => {
    expect(
      isCadenceOverdue({
        level: "reactive",
        now,
        lastContactAt: null,
        levelSince: 0,
        openCadenceTaskDueAts: [],
      }),
    ).toBe(false);
    expect(
      isCadenceOverdue({
        level: "basic",
        now,
        lastContactAt: null,
        levelSince: 0,
        openCadenceTaskDueAts: [],
      }),
    ).toBe(false);
    expect(
      isCadenceOverdue({
        level: "accountable",
        now,
        lastContactAt: null,
        levelSince: 0,
        openCadenceTaskDueAts: [now - 1],
      }),
    ).toBe(true);
    expect(
      isCadenceOverdue({
        level: "accountable",
        now,
        lastContactAt: null,
        levelSince: 0,
        openCadenceTaskDueAts: [now + DAY],
      }),
    ).toBe(false);
  });

  it("an accountable check-in falls due 7 days after the order", () => {
    expect(checkInDueAt(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 8));
  });
});

describe("what a level mismatch puts at stake", () => {
  const asOf = Date.UTC(2026, 0, 1);
  it("the gap counts levels apart in either direction, and nothing without a recommendation", () => {
    expect(levelGap("reactive", "partnership")).toBe(3);
    expect(levelGap("partnership", "reactive")).toBe(3);
    expect(levelGap("accountable", "accountable")).toBe(0);
    expect(levelGap("basic", null)).toBe(0);
    expect(gapDirection("reactive", "proactive")).toBe("under");
    expect(gapDirection("proactive", "basic")).toBe("over");
    expect(gapDirection("basic", null)).toBeNull();
  });

  it("a year's margin: the last 12 months', else the lifetime margin per year, else none", () => {
    const base = { marginLifetime: 0, revenue12m: 0, margin12m: 0, firstOrderAt: asOf - 100 * DAY, asOf };
    // Orders in the last 12 months: $1,250.00 of margin on $5,000.00.
    expect(yearlyMargin({ ...base, orders: 4, revenue12m: 500_000, margin12m: 125_000 })).toBe(125_000);
    // None in 12 months: $9,000.00 over 3 years (1,095 days) = $3,000.00 a year.
    expect(
      yearlyMargin({ ...base, orders: 3, marginLifetime: 900_000, firstOrderAt: asOf - 1_095 * DAY }),
    ).toBe(300_000);
    // A customer for under a year counts as one year: $800.00.
    expect(yearlyMargin({ ...base, orders: 1, marginLifetime: 80_000 })).toBe(80_000);
    expect(yearlyMargin({ ...base, orders: 0, firstOrderAt: null })).toBeNull();
  });

  it("stake = yearly margin × gap: $3,000.00 a year two levels off outranks $5,000.00 one level off", () => {
    expect(levelStake(300_000, 2)).toBe(600_000);
    expect(levelStake(500_000, 1)).toBe(500_000);
    expect(levelStake(null, 3)).toBe(0);
    expect(levelStake(900_000, 0)).toBe(0);
  });
});
