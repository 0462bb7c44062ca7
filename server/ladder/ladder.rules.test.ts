import { describe, expect, it } from "vitest";
import { rungAfterOrders, statusAfterOrder, timeOnRungs } from "./ladder.rules";

describe("rungAfterOrders", () => {
  it.each([
    ["suspect", 0, "suspect"],
    ["prospect", 0, "prospect"],
    ["suspect", 1, "first_time"],
    ["prospect", 1, "first_time"],
    ["suspect", 2, "repeat"],
    ["prospect", 5, "repeat"],
    ["first_time", 1, "first_time"],
    ["first_time", 2, "repeat"],
    ["repeat", 7, "repeat"],
  ] as const)("an account on %s with %i orders stands on %s", (rung, orders, expected) => {
    expect(rungAfterOrders(rung, orders)).toBe(expected);
  });

  it.each(["client", "member", "advocate", "partner"] as const)(
    "a %s never moves down because of an order",
    (rung) => {
      expect(rungAfterOrders(rung, 1)).toBe(rung);
      expect(rungAfterOrders(rung, 2)).toBe(rung);
    },
  );

  it("a disqualified account is not requalified by an order", () => {
    expect(rungAfterOrders("disqualified", 3)).toBe("disqualified");
  });
});

describe("statusAfterOrder", () => {
  it("wins back lapsed and lost accounts and leaves active ones active", () => {
    expect(statusAfterOrder("lapsed")).toBe("active");
    expect(statusAfterOrder("lost")).toBe("active");
    expect(statusAfterOrder("active")).toBe("active");
  });
});

describe("time on each rung", () => {
  const D = 86_400_000;
  it("adds up each stay from the move onto a rung to the next move off it, the current one up to now", () => {
    const moves = [
      { fromRung: null, toRung: "suspect" as const, at: 0 },
      { fromRung: "suspect" as const, toRung: "prospect" as const, at: 10 * D },
      { fromRung: "prospect" as const, toRung: "suspect" as const, at: 15 * D },
      { fromRung: "suspect" as const, toRung: "prospect" as const, at: 20 * D },
      // a lapse keeps the rung and does not end the stay
      { fromRung: "prospect" as const, toRung: "prospect" as const, at: 25 * D },
      { fromRung: "prospect" as const, toRung: "first_time" as const, at: 30 * D },
    ];
    expect(timeOnRungs(moves.reverse(), 45 * D)).toEqual({
      suspect: 15 * D,
      prospect: 15 * D,
      first_time: 15 * D,
    });
  });
});
