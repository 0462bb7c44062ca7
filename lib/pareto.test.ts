import { describe, expect, it } from "vitest";
import { pareto } from "./pareto";

describe("pareto", () => {
  it("orders bars largest first with their share and running share", () => {
    const bars = pareto([
      { key: "timing_budget", count: 1 },
      { key: "price", count: 5 },
      { key: "relationship", count: 2 },
      { key: "other", count: 2 },
      { key: "product_fit", count: 0 },
    ]);
    // Total 10: price 5 (50%, 50%), then the tie other/relationship by key, then timing 1 (100%).
    expect(bars.map((b) => b.key)).toEqual(["price", "other", "relationship", "timing_budget"]);
    expect(bars.map((b) => b.share)).toEqual([0.5, 0.2, 0.2, 0.1]);
    expect(bars.map((b) => b.cumulative)).toEqual([0.5, 0.7, 0.9, 1]);
  });
  it("is empty without counts", () => {
    expect(pareto([])).toEqual([]);
    expect(pareto([{ key: "delivery", count: 0 }])).toEqual([]);
  });
});
