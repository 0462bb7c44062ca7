import { describe, expect, it } from "vitest";
import { createRng, mixSeed, mulberry32 } from "./prng";

describe("seeded random numbers", () => {
  it("repeat exactly for the same seed and differ for another", () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const c = mulberry32(2);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("mix seed and salt so that (1, 2) and (2, 1) differ", () => {
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });

  it("pick by weight in proportion", () => {
    const rng = createRng(9);
    let a = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ["a", 3],
          ["b", 1],
        ] as const) === "a"
      )
        a++;
    expect(a / 10_000).toBeGreaterThan(0.72);
    expect(a / 10_000).toBeLessThan(0.78);
  });

  it("draw integers inside the inclusive range, reaching both ends", () => {
    const rng = createRng(5);
    const seen = new Set<number>();
    for (let i = 0; i < 1_000; i++) seen.add(rng.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });
});
