import { describe, expect, it } from "vitest";
import {
  bandsAtPeriodEnds,
  change,
  convertRange,
  lastPeriods,
  parsePeriod,
  previousRange,
  rangeLabels,
} from "./trends.rules";

describe("period ranges", () => {
  it("reads month and quarter labels and refuses the other grain's", () => {
    expect(parsePeriod("2026-11", "month")).toBe(2026 * 12 + 10);
    expect(parsePeriod("2026-Q4", "quarter")).toBe(2026 * 4 + 3);
    expect(parsePeriod("2026-Q4", "month")).toBeNaN();
    expect(parsePeriod("2026-13", "month")).toBeNaN();
  });

  it("takes the last periods up to now, the same length before, and the same months at the other grain", () => {
    const now = Date.UTC(2026, 10, 26);
    const months = lastPeriods(now, "month", 12);
    expect(rangeLabels(months)).toEqual({ grain: "month", from: "2025-12", to: "2026-11" });
    expect(rangeLabels(previousRange(months))).toEqual({ grain: "month", from: "2024-12", to: "2025-11" });
    expect(rangeLabels(convertRange(months, "quarter"))).toEqual({
      grain: "quarter",
      from: "2025-Q4",
      to: "2026-Q4",
    });
    expect(rangeLabels(convertRange(lastPeriods(now, "quarter", 4), "month"))).toEqual({
      grain: "month",
      from: "2026-01",
      to: "2026-12",
    });
  });

  it("states a change only against a previous figure that is not zero or missing", () => {
    expect(change(150, 100)).toBe(0.5);
    expect(change(-50, -100)).toBe(0.5);
    expect(change(1, 0)).toBeNull();
    expect(change(null, 3)).toBeNull();
  });
});

describe("accounts per band over time", () => {
  it("sums the changes up to each period's last month, also across months with no change", () => {
    const m = (label: string) => parsePeriod(label, "month");
    const deltas = [
      { month: m("2025-01"), band: "first_time", delta: 2 },
      { month: m("2025-05"), band: "first_time", delta: -1 },
      { month: m("2025-05"), band: "repeat", delta: 1 },
      { month: m("2025-12"), band: "lapsed", delta: 1 },
      { month: m("2025-12"), band: "repeat", delta: -1 },
    ];
    const q = (label: string) => parsePeriod(label, "quarter");
    const stack = bandsAtPeriodEnds(deltas, { grain: "quarter", from: q("2025-Q1"), to: q("2025-Q4") });
    expect(stack.map((s) => [s.label, s.first_time, s.repeat, s.lapsed])).toEqual([
      ["2025-Q1", 2, 0, 0],
      ["2025-Q2", 1, 1, 0],
      ["2025-Q3", 1, 1, 0],
      ["2025-Q4", 1, 0, 1],
    ]);
  });
});
