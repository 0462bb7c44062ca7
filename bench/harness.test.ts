import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { settings } from "@/db/schema";
import {
  createQueryRecorder,
  missedTargets,
  percentile,
  prepareReplay,
  summarize,
  timeInterleaved,
} from "./harness";

describe("bench statistics", () => {
  it("interpolates percentiles between neighbouring samples", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBeCloseTo(5.5);
    expect(percentile(xs, 95)).toBeCloseTo(9.55);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
  });

  it("summarises unsorted samples", () => {
    const s = summarize([5, 1, 3]);
    expect(s).toEqual({ median: 3, p95: 4.8, mean: 3, min: 1, max: 5, n: 3 });
  });

  it("flags a case over its p95 or its tRPC/raw ratio", () => {
    const stats = summarize([10, 30]);
    expect(missedTargets({ p95Ms: 20, maxRatio: 1.5 }, stats, 2)).toEqual(["p95 > 20 ms", "tRPC/raw > 1.5"]);
    expect(missedTargets({ p95Ms: 40, maxRatio: 1.5 }, stats, 1.2)).toEqual([]);
    expect(missedTargets({ maxRatio: 1.5 }, stats, null)).toEqual([]);
  });
});

describe("raw SQL capture", () => {
  it("records the statements a drizzle call runs, with their parameters, and replays them", async () => {
    const recorder = createQueryRecorder();
    const db = openDb(":memory:", { logger: recorder.logger });
    db.insert(settings).values({ key: "k", value: "v", updatedAt: 1 }).run();
    const statements = await recorder.record(async () => {
      db.select().from(settings).where(eq(settings.key, "k")).all();
    });
    expect(statements).toHaveLength(1);
    expect(statements[0]?.sql).toMatch(/^select .* from "settings" where "settings"."key" = \?$/);
    expect(statements[0]?.params).toEqual(["k"]);
    // Outside record() nothing is kept.
    db.select().from(settings).all();
    expect(statements).toHaveLength(1);
    expect(() => prepareReplay(db.$client, statements)()).not.toThrow();
  });
});

describe("interleaved timing", () => {
  it("runs both sides warm-up plus iterations times and keeps only the timed samples", async () => {
    let a = 0;
    let b = 0;
    const [as, bs] = await timeInterleaved(
      async () => a++,
      async () => b++,
      3,
      5,
    );
    expect([a, b, as.length, bs.length]).toEqual([8, 8, 5, 5]);
    const [only, none] = await timeInterleaved(async () => a++, null, 0, 2);
    expect([only.length, none.length]).toEqual([2, 0]);
  });
});
