import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { quantileRanks, quantileRanksSql, quantilesFromRanks, ranksToFetch } from "./quantiles";

describe("median and p90 by rank", () => {
  it("averages the two middle values for an even count and takes the nearest rank for p90", () => {
    // Values 10, 20, 30, 40: median (20 + 30) / 2 = 25; p90 rank ceil(3.6) = 4 → 40.
    expect(quantileRanks(4)).toEqual({ lowMid: 2, highMid: 3, p90: 4 });
    const values = [10, 20, 30, 40];
    const rows = ranksToFetch(4).map((rn) => ({ rn, v: values[rn - 1] as number }));
    expect(quantilesFromRanks(4, rows)).toEqual({ median: 25, p90: 40 });
  });

  it("takes the middle value for an odd count", () => {
    // 1..11: median 6; p90 rank ceil(9.9) = 10.
    const rows = ranksToFetch(11).map((rn) => ({ rn, v: rn }));
    expect(quantilesFromRanks(11, rows)).toEqual({ median: 6, p90: 10 });
    expect(quantilesFromRanks(1, [{ rn: 1, v: 7 }])).toEqual({ median: 7, p90: 7 });
  });

  it("has nothing to say about no values", () => {
    expect(ranksToFetch(0)).toEqual([]);
    expect(quantilesFromRanks(0, [])).toEqual({ median: null, p90: null });
  });

  it("keeps in SQL the ranks it fetches, for every count", () => {
    const db = new Database(":memory:");
    const ranks = db.prepare(
      `WITH RECURSIVE r(rn) AS (SELECT 1 UNION ALL SELECT rn + 1 FROM r WHERE rn < ?)
      SELECT rn FROM r WHERE ${quantileRanksSql("rn", "CAST(? AS INTEGER)")} ORDER BY rn`,
    );
    for (const n of [1, 2, 3, 4, 9, 10, 11, 19, 20, 21, 99, 100, 101, 1234, 5001]) {
      const got = (ranks.all(n, n, n, n) as { rn: number }[]).map((r) => r.rn);
      expect(got, String(n)).toEqual([...ranksToFetch(n)].sort((a, b) => a - b));
    }
    db.close();
  });
});
