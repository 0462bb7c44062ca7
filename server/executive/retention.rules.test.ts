import { describe, expect, it } from "vitest";
import {
  cohorts,
  defectionRate,
  expectedLifetimeYears,
  lifetimeValue,
  repeatPurchaseRetention,
  yearlyFromPeriodRate,
} from "./retention.rules";

describe("cohort retention", () => {
  // Periods 0, 1, 2. Cohort 0: A (orders in 0, 1), B (0, 2), C (0 only). Cohort 1: D (1, 2).
  const accounts = [
    {
      accountId: 1,
      revenueByPeriod: new Map([
        [0, 100],
        [1, 50],
      ]),
    },
    {
      accountId: 2,
      revenueByPeriod: new Map([
        [0, 200],
        [2, 300],
      ]),
    },
    { accountId: 3, revenueByPeriod: new Map([[0, 100]]) },
    {
      accountId: 4,
      revenueByPeriod: new Map([
        [1, 80],
        [2, 40],
      ]),
    },
    { accountId: 5, revenueByPeriod: new Map<number, number>() }, // never ordered: in no cohort
  ];
  const result = cohorts(accounts, 2);

  it("groups accounts by the period of their first order", () => {
    expect(result.map((c) => [c.period, c.size, c.firstRevenue])).toEqual([
      [0, 3, 400],
      [1, 1, 80],
    ]);
  });

  it("cell (c, k) is the share of the cohort ordering in c + k, and revenue against the first period", () => {
    const [c0, c1] = result;
    expect(c0?.cells.map((x) => x.active)).toEqual([3, 1, 1]);
    expect(c0?.cells.map((x) => x.retention)).toEqual([1, 1 / 3, 1 / 3]);
    expect(c0?.cells.map((x) => x.revenue)).toEqual([400, 50, 300]);
    expect(c0?.cells.map((x) => x.revenueRetention)).toEqual([1, 0.125, 0.75]);
    expect(c1?.cells.map((x) => [x.active, x.retention, x.revenueRetention])).toEqual([
      [1, 1, 1],
      [1, 1, 0.5],
    ]);
  });

  it("counts who came back within k periods: each account once, from its first later order", () => {
    const [c0, c1] = result;
    // A is back in period 1, B in period 2 (not in 1), C never.
    expect(c0?.cells.map((x) => [x.cameBack, x.cameBackShare])).toEqual([
      [0, null],
      [1, 1 / 3],
      [2, 2 / 3],
    ]);
    expect(c1?.cells.map((x) => [x.cameBack, x.cameBackShare])).toEqual([
      [0, null],
      [1, 1],
    ]);
  });
});

describe("repeat purchase, defection and lifetime value", () => {
  it("repeat-purchase retention: of last period's buyers, the share who bought again", () => {
    expect(repeatPurchaseRetention(new Set([1, 2, 3, 4]), new Set([2, 4, 9]))).toBe(0.5);
    expect(repeatPurchaseRetention(new Set(), new Set([1]))).toBeNull();
  });

  it("defection rate: lapsed or lost during the period over active at its start", () => {
    expect(defectionRate(15, 300)).toBe(0.05);
    expect(defectionRate(0, 0)).toBeNull();
  });

  it("expected lifetime is 1 / yearly defection, capped at 10 years", () => {
    expect(expectedLifetimeYears(0.2)).toBe(5);
    expect(expectedLifetimeYears(0.05)).toBe(10);
    expect(expectedLifetimeYears(0)).toBe(10);
  });

  it("lifetime value = average yearly margin × expected lifetime", () => {
    expect(lifetimeValue(1_200_00, 0.25)).toBe(4_800_00);
    expect(lifetimeValue(1_000, 0.01)).toBe(10_000);
  });

  it("turns a quarterly defection rate into a yearly one", () => {
    // 1 − 0.9⁴ = 0.3439
    expect(yearlyFromPeriodRate(0.1, 4)).toBeCloseTo(0.3439, 10);
  });
});
