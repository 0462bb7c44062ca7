// Pareto bars: the few causes that make up most of a total (win/loss reasons, complaint root causes and
// responsible parties). Pure: the queries count in SQL and hand the counts here.

export type ParetoBar = { key: string; count: number; share: number; cumulative: number };

/** Bars largest first (ties by key), each with its share of the total and the running share. */
export function pareto(rows: ReadonlyArray<{ key: string; count: number }>): ParetoBar[] {
  const sorted = rows
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = sorted.reduce((sum, r) => sum + r.count, 0);
  let running = 0;
  return sorted.map((r) => {
    running += r.count;
    return { key: r.key, count: r.count, share: r.count / total, cumulative: running / total };
  });
}
