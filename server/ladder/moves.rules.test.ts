import { describe, expect, it } from "vitest";
import { checkManualMove, lapsedAt, manualTargets, orderFloor } from "./moves.rules";

const DAY = 86_400_000;

describe("manual ladder moves", () => {
  it("every move needs a reason", () => {
    expect(checkManualMove({ from: "suspect", to: "prospect", distinctOrders: 0, reason: " " })).toEqual({
      ok: false,
      field: "reason",
      error: "Give a reason for the move.",
    });
    expect(
      checkManualMove({ from: "suspect", to: "prospect", distinctOrders: 0, reason: "Qualified on a call" }),
    ).toEqual({
      ok: true,
      direction: "up",
    });
  });

  it("a repeat customer becomes a member only with an enrolment naming the programme", () => {
    const base = { from: "repeat" as const, to: "member" as const, distinctOrders: 4, reason: "Joined" };
    expect(checkManualMove(base)).toMatchObject({ ok: false, field: "evidence" });
    expect(checkManualMove({ ...base, evidence: { kind: "referral", referred: "Acme" } })).toMatchObject({
      ok: false,
      field: "evidence",
    });
    expect(
      checkManualMove({ ...base, evidence: { kind: "enrolment", programme: "Gold Club", enrolledAt: 1 } }),
    ).toEqual({ ok: true, direction: "up" });
  });

  it("an advocate needs a referral or a promoter score of 9–10", () => {
    const base = {
      from: "member" as const,
      to: "advocate" as const,
      distinctOrders: 9,
      reason: "Praises us",
    };
    expect(checkManualMove({ ...base, evidence: { kind: "promoter_score", score: 8 } })).toMatchObject({
      ok: false,
    });
    expect(checkManualMove({ ...base, evidence: { kind: "promoter_score", score: 9 } })).toMatchObject({
      ok: true,
    });
    expect(checkManualMove({ ...base, evidence: { kind: "referral", referred: "Beta Ltd" } })).toMatchObject({
      ok: true,
    });
  });

  it("orders, not people, make first-time and repeat customers", () => {
    expect(
      checkManualMove({ from: "prospect", to: "first_time", distinctOrders: 0, reason: "x" }),
    ).toMatchObject({
      ok: false,
      field: "to",
    });
  });

  it("a move down is allowed with a reason, but never below what the orders prove", () => {
    expect(
      checkManualMove({ from: "partner", to: "client", distinctOrders: 12, reason: "Plan ended" }),
    ).toEqual({
      ok: true,
      direction: "down",
    });
    expect(
      checkManualMove({ from: "client", to: "first_time", distinctOrders: 3, reason: "x" }),
    ).toMatchObject({
      ok: false,
      field: "to",
    });
    expect(orderFloor(0)).toBeNull();
    expect(orderFloor(1)).toBe("first_time");
    expect(orderFloor(2)).toBe("repeat");
  });

  it("only suspects and prospects are disqualified, for no credit or no profit", () => {
    expect(
      checkManualMove({
        from: "prospect",
        to: "disqualified",
        distinctOrders: 0,
        reason: "Credit check",
        disqualifyReason: "no_credit",
      }),
    ).toEqual({ ok: true, direction: "off" });
    expect(
      checkManualMove({ from: "prospect", to: "disqualified", distinctOrders: 0, reason: "x" }),
    ).toMatchObject({
      ok: false,
      field: "disqualifyReason",
    });
    expect(
      checkManualMove({
        from: "repeat",
        to: "disqualified",
        distinctOrders: 2,
        reason: "x",
        disqualifyReason: "no_profit",
      }),
    ).toMatchObject({ ok: false, field: "to" });
  });

  it("lists the moves a person may make from each rung", () => {
    expect(manualTargets("suspect", 0)).toEqual(["prospect", "disqualified"]);
    expect(manualTargets("repeat", 2)).toEqual(["client", "member", "advocate", "partner"]);
    expect(manualTargets("member", 5)).toEqual(["repeat", "client", "advocate", "partner"]);
    expect(manualTargets("disqualified", 0)).toEqual(["suspect", "prospect"]);
  });
});

describe("lapse as of a date", () => {
  const last = Date.UTC(2025, 0, 10);

  it("an active account lapses the moment it passes 365 days without an order, not before", () => {
    expect(lapsedAt({ status: "active", lastOrderAt: last, asOf: last + 365 * DAY })).toBeNull();
    expect(lapsedAt({ status: "active", lastOrderAt: last, asOf: last + 365 * DAY + 1 })).toBe(
      last + 365 * DAY,
    );
  });

  it("honours a different lapse window", () => {
    expect(lapsedAt({ status: "active", lastOrderAt: last, asOf: last + 100 * DAY, windowDays: 90 })).toBe(
      last + 90 * DAY,
    );
  });

  it("accounts that never ordered, or are already lapsed or lost, do not lapse again", () => {
    expect(lapsedAt({ status: "active", lastOrderAt: null, asOf: last + 1000 * DAY })).toBeNull();
    expect(lapsedAt({ status: "lapsed", lastOrderAt: last, asOf: last + 1000 * DAY })).toBeNull();
    expect(lapsedAt({ status: "lost", lastOrderAt: last, asOf: last + 1000 * DAY })).toBeNull();
  });
});
