import { describe, expect, it } from "vitest";
import { advocateNeedsReview, advocateSuggestion, staleBefore } from "./advocate.rules";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 15, 12);

describe("suggesting the advocate move", () => {
  const base = {
    rung: "repeat" as const,
    status: "active" as const,
    pendingProposal: false,
    lastDismissedAt: null,
  };

  it("suggests it for active repeat customers, clients and members", () => {
    for (const rung of ["repeat", "client", "member"] as const) {
      expect(advocateSuggestion({ ...base, rung }, now)).toEqual({ suggest: true });
    }
  });

  it("does not suggest it below repeat customer, nor to advocates and partners", () => {
    for (const rung of [
      "suspect",
      "prospect",
      "first_time",
      "advocate",
      "partner",
      "disqualified",
    ] as const) {
      expect(advocateSuggestion({ ...base, rung }, now)).toEqual({ suggest: false, why: "rung" });
    }
  });

  it("does not suggest it for lapsed or lost accounts", () => {
    expect(advocateSuggestion({ ...base, status: "lapsed" }, now)).toEqual({
      suggest: false,
      why: "inactive",
    });
    expect(advocateSuggestion({ ...base, status: "lost" }, now)).toEqual({ suggest: false, why: "inactive" });
  });

  it("suggests it once: not again while a suggestion waits", () => {
    expect(advocateSuggestion({ ...base, pendingProposal: true }, now)).toEqual({
      suggest: false,
      why: "pending",
    });
  });

  it("respects a dismissal for 180 days", () => {
    expect(advocateSuggestion({ ...base, lastDismissedAt: now - 179 * DAY }, now)).toEqual({
      suggest: false,
      why: "dismissed",
    });
    expect(advocateSuggestion({ ...base, lastDismissedAt: now - 180 * DAY }, now)).toEqual({ suggest: true });
  });
});

describe("advocates due for review", () => {
  const advocate = { rung: "advocate" as const, status: "active" as const };

  it("counts 18 calendar months back", () => {
    expect(staleBefore(now)).toBe(Date.UTC(2025, 4, 15, 12));
  });

  it("flags an advocate whose last promoter score or referral is older than 18 months, or who has none", () => {
    expect(advocateNeedsReview({ ...advocate, lastEvidenceAt: null }, now)).toBe(true);
    expect(advocateNeedsReview({ ...advocate, lastEvidenceAt: staleBefore(now) - 1 }, now)).toBe(true);
    expect(advocateNeedsReview({ ...advocate, lastEvidenceAt: staleBefore(now) }, now)).toBe(false);
    expect(advocateNeedsReview({ ...advocate, lastEvidenceAt: now - 30 * DAY }, now)).toBe(false);
  });

  it("flags only active advocates", () => {
    expect(advocateNeedsReview({ rung: "client", status: "active", lastEvidenceAt: null }, now)).toBe(false);
    expect(advocateNeedsReview({ rung: "advocate", status: "lapsed", lastEvidenceAt: null }, now)).toBe(
      false,
    );
  });
});
