import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTING, departmentFor, pickHandler } from "./routing.rules";

describe("routing a complaint nobody named", () => {
  it("goes to the handler with the fewest open complaints", () => {
    expect(
      pickHandler([
        { id: "a", name: "Ann", open: 4 },
        { id: "b", name: "Bo", open: 1 },
        { id: "c", name: "Cy", open: 2 },
      ])?.id,
    ).toBe("b");
  });

  it("breaks a tie by name, then id, so the choice can be explained", () => {
    expect(
      pickHandler([
        { id: "z", name: "Sara", open: 0 },
        { id: "y", name: "Ann", open: 0 },
        { id: "x", name: "Ann", open: 0 },
      ])?.id,
    ).toBe("x");
  });

  it("finds nobody when no one can handle complaints", () => {
    expect(pickHandler([])).toBeNull();
  });

  it("sends each category to its department by the routing table", () => {
    expect(departmentFor("delivery")).toBe("logistics");
    expect(departmentFor("delivery", { ...defaultsWith("delivery", "sales") })).toBe("sales");
  });
});

function defaultsWith(category: "delivery", department: "sales") {
  return { ...DEFAULT_ROUTING, [category]: department };
}
