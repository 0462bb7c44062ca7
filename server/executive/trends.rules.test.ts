import { describe, expect, it } from "vitest";
import { parsePeriod } from "@/lib/periods";
import { bandsAtPeriodEnds, change } from "./trends.rules";

describe("changes against the previous range", () => {
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
