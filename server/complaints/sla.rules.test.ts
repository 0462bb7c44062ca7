import { describe, expect, it } from "vitest";
import { acknowledgeDueAt, clock, medianAndP90, outcomeOf, repurchaseRate, resolveDueAt } from "./sla.rules";

const H = 3_600_000;
const D = 24 * H;
const T = Date.UTC(2026, 0, 5, 9, 0, 0); // received Monday 5 Jan 2026, 09:00 UTC

describe("promised times", () => {
  it("acknowledge within 24 h and resolve within 10, 5 or 2 days by severity", () => {
    expect(acknowledgeDueAt(T, "high")).toBe(Date.UTC(2026, 0, 6, 9));
    expect(resolveDueAt(T, "low")).toBe(Date.UTC(2026, 0, 15, 9));
    expect(resolveDueAt(T, "medium")).toBe(Date.UTC(2026, 0, 10, 9));
    expect(resolveDueAt(T, "high")).toBe(Date.UTC(2026, 0, 7, 9));
  });

  it("uses the promised times from settings", () => {
    const custom = {
      low: { acknowledgeHours: 48, resolveDays: 20 },
      medium: { acknowledgeHours: 8, resolveDays: 3 },
      high: { acknowledgeHours: 2, resolveDays: 1 },
    };
    expect(acknowledgeDueAt(T, "high", custom)).toBe(T + 2 * H);
    expect(resolveDueAt(T, "medium", custom)).toBe(T + 3 * D);
  });
});

describe("the clock", () => {
  const due = T + 24 * H;
  it("is on time exactly at the due moment and breached one millisecond later", () => {
    expect(clock({ startAt: T, dueAt: due, doneAt: null, now: due })).toBe("due_soon");
    expect(clock({ startAt: T, dueAt: due, doneAt: null, now: due + 1 })).toBe("breached");
    expect(clock({ startAt: T, dueAt: due, doneAt: due, now: due + D })).toBe("met");
    expect(clock({ startAt: T, dueAt: due, doneAt: due + 1, now: due + D })).toBe("breached");
  });

  it("shows due soon in the last quarter of the window (the last 6 h of 24)", () => {
    expect(clock({ startAt: T, dueAt: due, doneAt: null, now: T + 18 * H - 1 })).toBe("on_time");
    expect(clock({ startAt: T, dueAt: due, doneAt: null, now: T + 18 * H })).toBe("due_soon");
  });
});

describe("outcomes", () => {
  const due = resolveDueAt(T, "medium"); // T + 5 days
  const base = { acknowledgedAt: T + H, confirmedAt: null, closed: false, resolveDueAt: due };

  it("resolved quickly when the customer confirmed within the promise, even exactly at its end", () => {
    expect(outcomeOf({ ...base, confirmedAt: due, closed: true, now: due + D })).toBe("resolved_quickly");
    expect(outcomeOf({ ...base, confirmedAt: T + 2 * D, closed: true, now: T + 30 * D })).toBe(
      "resolved_quickly",
    );
  });

  it("resolved when the customer confirmed after the promise", () => {
    expect(outcomeOf({ ...base, confirmedAt: due + 1, closed: true, now: due + D })).toBe("resolved");
  });

  it("unresolved when closed without confirmation, or still open past the resolution time", () => {
    expect(outcomeOf({ ...base, closed: true, now: T + 2 * D })).toBe("unresolved");
    expect(outcomeOf({ ...base, now: due + 1 })).toBe("unresolved");
  });

  it("unacknowledged when nobody ever acknowledged it", () => {
    expect(outcomeOf({ ...base, acknowledgedAt: null, closed: true, now: T + D })).toBe("unacknowledged");
    expect(outcomeOf({ ...base, acknowledgedAt: null, now: due + 1 })).toBe("unacknowledged");
  });

  it("an open complaint within its resolution time has no outcome yet", () => {
    expect(outcomeOf({ ...base, now: due })).toBeNull();
    expect(outcomeOf({ ...base, acknowledgedAt: null, now: T + H })).toBeNull();
  });
});

describe("figures", () => {
  it("repurchase rate is the share that ordered again, none when there is nobody to count", () => {
    expect(repurchaseRate(27, 50)).toBeCloseTo(0.54);
    expect(repurchaseRate(0, 0)).toBeNull();
  });

  it("median and p90 of handling times (nearest rank)", () => {
    expect(medianAndP90([5, 1, 3])).toEqual({ median: 3, p90: 5 });
    expect(medianAndP90([4, 1, 3, 2])).toEqual({ median: 2.5, p90: 4 });
    expect(medianAndP90([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual({ median: 55, p90: 90 });
    expect(medianAndP90([])).toEqual({ median: null, p90: null });
  });
});
