// Ladder issue #3 §5: the ladder report at 100k accounts / ~1M orders / ~330k moves (target p95 ≤ 100 ms).
import type { BenchCase } from "../harness";

export const ladderReportCases: BenchCase[] = [
  {
    name: "reports.ladder (rungs, climbs, 12 months of flows)",
    group: "ladder",
    target: { p95Ms: 100, maxRatio: 1.5 },
    run: (caller) => caller.reports.ladder({ from: "2025-12", to: "2026-12" }),
  },
];
