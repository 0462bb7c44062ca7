import { describe, expect, it } from "vitest";
import { ladderMovesForOrders, rungAfterOrders, timeOnRungs } from "./ladder.rules";

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

describe("what orders do to an account's place on the ladder", () => {
  const D = 86_400_000;
  const order = (n: number, day: number) => ({ id: n, externalRef: `SO-${n}`, orderedAt: day * D, n });
  const suspect = { rung: "suspect", rungSince: 0, status: "active", statusSince: 0 } as const;
  const W = 365 * D;

  it("a suspect's first order makes it a first-time buyer and its second a repeat customer, dated at each order", () => {
    const { moves, after } = ladderMovesForOrders(suspect, [order(1, 10), order(2, 40)], W);
    expect(moves.map((m) => [m.fromRung, m.toRung, m.at / D, m.reason, m.order.id])).toEqual([
      ["suspect", "first_time", 10, "order", 1],
      ["first_time", "repeat", 40, "order", 2],
    ]);
    expect(after).toEqual({ rung: "repeat", rungSince: 40 * D, status: "active", statusSince: 0 });
  });

  it("an order from before the account reached its rung moves it when it reached the rung, not earlier", () => {
    const created = { ...suspect, rungSince: 100 * D, statusSince: 100 * D };
    const { moves } = ladderMovesForOrders(created, [order(1, 20)], W);
    expect(moves.map((m) => [m.toRung, m.at / D])).toEqual([["first_time", 100]]);
  });

  it("a lapsed first-time buyer's next order wins it back and makes it a repeat customer in one move", () => {
    const lapsed = { rung: "first_time", rungSince: 10 * D, status: "lapsed", statusSince: 375 * D } as const;
    const { moves, after } = ladderMovesForOrders(lapsed, [order(1, 10), order(2, 400)], W);
    expect(moves.map((m) => [m.fromRung, m.toRung, m.fromStatus, m.toStatus, m.at / D, m.reason])).toEqual([
      ["first_time", "repeat", "lapsed", "active", 400, "won_back"],
    ]);
    expect(after).toMatchObject({ status: "active", statusSince: 400 * D });
  });

  it("a lost client is won back by its first order after the loss, keeping its rung; older orders do not", () => {
    const lost = { rung: "client", rungSince: 0, status: "lost", statusSince: 500 * D } as const;
    const { moves } = ladderMovesForOrders(
      lost,
      [order(1, 10), order(2, 20), order(7, 490), order(8, 520)],
      W,
    );
    expect(moves.map((m) => [m.fromRung, m.toRung, m.toStatus, m.at / D, m.order.id])).toEqual([
      ["client", "client", "active", 520, 8],
    ]);
    expect(ladderMovesForOrders(lost, [order(1, 10), order(2, 490)], W).moves).toEqual([]);
  });

  it("a lost prospect that buys twice after the loss is won back at the first order and repeats at the second", () => {
    const lost = { rung: "prospect", rungSince: 0, status: "lost", statusSince: 50 * D } as const;
    const { moves } = ladderMovesForOrders(lost, [order(1, 60), order(2, 70)], W);
    expect(moves.map((m) => [m.toRung, m.fromStatus, m.toStatus, m.at / D])).toEqual([
      ["first_time", "lost", "active", 60],
      ["repeat", "active", "active", 70],
    ]);
  });

  it("orders further apart than the lapse window mean a lapse when the window ran out, then a win-back", () => {
    const { moves, after } = ladderMovesForOrders(suspect, [order(1, 100), order(2, 600), order(3, 700)], W);
    expect(moves.map((m) => [m.fromRung, m.toRung, m.fromStatus, m.toStatus, m.at / D, m.reason])).toEqual([
      ["suspect", "first_time", "active", "active", 100, "order"],
      ["first_time", "first_time", "active", "lapsed", 465, "lapsed"],
      ["first_time", "repeat", "lapsed", "active", 600, "won_back"],
    ]);
    expect(after).toEqual({ rung: "repeat", rungSince: 600 * D, status: "active", statusSince: 600 * D });
  });

  it("gaps before the account's last status change are history already written, not lapses", () => {
    const back = { rung: "repeat", rungSince: 0, status: "active", statusSince: 600 * D } as const;
    const orders = [order(1, 100), order(2, 600), order(3, 650)];
    expect(ladderMovesForOrders(back, orders, W).moves).toEqual([]);
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

  it("moves made at the same moment keep the order they were recorded in", () => {
    // An imported account: created as a suspect and lifted by its first order, both dated at that order.
    const moves = [
      { id: 1, fromRung: null, toRung: "suspect" as const, at: 10 * D },
      { id: 2, fromRung: "suspect" as const, toRung: "first_time" as const, at: 10 * D },
    ];
    expect(timeOnRungs([...moves].reverse(), 400 * D)).toEqual({ suspect: 0, first_time: 390 * D });
  });
});
