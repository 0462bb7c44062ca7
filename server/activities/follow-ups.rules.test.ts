import { describe, expect, it } from "vitest";
import { daysOverdue, endOfUtcDay, isOverdue, startOfNextUtcDay } from "./follow-ups.rules";

const now = Date.UTC(2025, 5, 10, 9, 0); // 2025-06-10 09:00 UTC

describe("follow-up calendar rules", () => {
  it("stores a due day as its last millisecond, so the task is not overdue until that day is over", () => {
    const due = endOfUtcDay(Date.UTC(2025, 5, 10, 15, 30));
    expect(due).toBe(Date.UTC(2025, 5, 11) - 1);
    expect(isOverdue(due, now)).toBe(false);
    expect(isOverdue(due, Date.UTC(2025, 5, 11))).toBe(true);
  });

  it("counts overdue in calendar days", () => {
    expect(daysOverdue(endOfUtcDay(Date.UTC(2025, 5, 9)), now)).toBe(1);
    expect(daysOverdue(endOfUtcDay(Date.UTC(2025, 4, 31)), now)).toBe(10);
    expect(daysOverdue(Date.UTC(2025, 5, 10, 8, 0), now)).toBe(0); // fell due an hour ago, today
    expect(daysOverdue(Date.UTC(2025, 5, 12), now)).toBe(0); // not due yet
  });

  it("puts tomorrow at the next UTC midnight", () => {
    expect(startOfNextUtcDay(now)).toBe(Date.UTC(2025, 5, 11));
    expect(startOfNextUtcDay(Date.UTC(2025, 5, 10))).toBe(Date.UTC(2025, 5, 11));
  });
});
