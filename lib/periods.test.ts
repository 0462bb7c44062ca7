import { describe, expect, it } from "vitest";
import {
  addMonths,
  convertRange,
  lastMonthsWindow,
  lastPeriods,
  monthIndexesOf,
  monthOf,
  monthsBetween,
  monthsOfPeriod,
  parsePeriod,
  periodIndex,
  periodLabel,
  periodOfMonth,
  previousRange,
  rangeLabels,
} from "./periods";

describe("periods", () => {
  it("indexes months and quarters and labels them", () => {
    const q = periodIndex(Date.UTC(2026, 10, 22), "quarter");
    expect(periodLabel(q, "quarter")).toBe("2026-Q4");
    expect(periodLabel(periodIndex(Date.UTC(2026, 0, 1), "month"), "month")).toBe("2026-01");
    expect(periodIndex(Date.UTC(2026, 2, 31, 23, 59), "quarter")).toBe(
      periodIndex(Date.UTC(2026, 0, 1), "quarter"),
    );
    expect(
      periodIndex(Date.UTC(2026, 3, 1), "quarter") - periodIndex(Date.UTC(2025, 11, 31), "quarter"),
    ).toBe(2);
    expect(monthOf(Date.UTC(2026, 11, 31, 23, 59))).toBe("2026-12");
  });

  it("reads month and quarter labels and refuses the other grain's", () => {
    expect(parsePeriod("2026-11", "month")).toBe(2026 * 12 + 10);
    expect(parsePeriod("2026-Q4", "quarter")).toBe(2026 * 4 + 3);
    expect(parsePeriod("2026-Q4", "month")).toBeNaN();
    expect(parsePeriod("2026-13", "month")).toBeNaN();
    expect(parsePeriod("2026-Q5", "quarter")).toBeNaN();
  });

  it("formats what it parses", () => {
    for (const label of ["1999-01", "2026-12", "2027-06"])
      expect(periodLabel(parsePeriod(label, "month"), "month")).toBe(label);
    for (const label of ["1999-Q1", "2026-Q4"])
      expect(periodLabel(parsePeriod(label, "quarter"), "quarter")).toBe(label);
  });

  it("puts a month into its quarter and spans a quarter's months", () => {
    expect(periodLabel(periodOfMonth(parsePeriod("2026-03", "month"), "quarter"), "quarter")).toBe("2026-Q1");
    expect(periodLabel(periodOfMonth(parsePeriod("2026-04", "month"), "quarter"), "quarter")).toBe("2026-Q2");
    const { first, last } = monthsOfPeriod(parsePeriod("2026-Q2", "quarter"), "quarter");
    expect([periodLabel(first, "month"), periodLabel(last, "month")]).toEqual(["2026-04", "2026-06"]);
  });

  it("adds months across years and lists the months of a half-open range", () => {
    expect(addMonths("2025-11", 3)).toBe("2026-02");
    expect(addMonths("2025-01", -1)).toBe("2024-12");
    expect(monthsBetween("2024-11", "2025-02")).toEqual(["2024-11", "2024-12", "2025-01"]);
    expect(() => addMonths("2025-13", 1)).toThrow();
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
});

describe("month windows", () => {
  it("starts the window on the first day of the month N - 1 before now's and lists its months", () => {
    const now = Date.UTC(2026, 1, 10, 15); // 10 Feb 2026
    const w = lastMonthsWindow(now, 3);
    expect(w).toEqual({ from: Date.UTC(2025, 11, 1), to: now });
    expect(monthIndexesOf(w).map((m) => periodLabel(m, "month"))).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthIndexesOf(lastMonthsWindow(now, 1)).map((m) => periodLabel(m, "month"))).toEqual(["2026-02"]);
  });
});
