// Median and 90th percentile read from an index rather than by sorting: the 1-based ranks whose values give
// them, and the figures from the values found at those ranks. One definition for every dashboard.

/**
 * The ranks of n sorted values that give the median (the two middle values averaged when n is even) and the
 * p90 (the nearest rank, ceil(0.9 n)). SQL walks a duration index to these ranks with LIMIT 1 OFFSET rank - 1.
 */
export function quantileRanks(n: number): { lowMid: number; highMid: number; p90: number } {
  return { lowMid: Math.floor((n + 1) / 2), highMid: Math.floor((n + 2) / 2), p90: Math.ceil(0.9 * n) };
}

/**
 * quantileRanks in SQL, for a count `n` (a column or expression) known only inside the statement: a condition
 * on the 1-based rank `rn` that keeps the ranks quantileRanks gives (ceil(0.9 n) is (9 n + 9) / 10 in integers:
 * `n` must be an integer, as count(*) is).
 */
export function quantileRanksSql(rn: string, n: string): string {
  return `${rn} IN ((${n} + 1) / 2, (${n} + 2) / 2, (9 * ${n} + 9) / 10)`;
}

/** The distinct ranks to fetch for n values. */
export function ranksToFetch(n: number): number[] {
  return n > 0 ? [...new Set(Object.values(quantileRanks(n)))] : [];
}

/** Median and p90 from the value found at each wanted rank. */
export function quantilesFromRanks(
  n: number,
  rows: ReadonlyArray<{ rn: number; v: number }>,
): { median: number | null; p90: number | null } {
  if (n === 0) return { median: null, p90: null };
  const r = quantileRanks(n);
  const at = (rank: number) => rows.find((x) => x.rn === rank)?.v ?? null;
  const lo = at(r.lowMid);
  const hi = at(r.highMid);
  return { median: lo === null || hi === null ? null : (lo + hi) / 2, p90: at(r.p90) };
}
