// The ladder report (issue #3 §3): accounts and revenue per rung now, conversion and median time to climb
// between consecutive rungs, and moves up, down and off the ladder per month of a chosen period.
// Every figure is computed in SQL: the first from the account_totals rollup (migration 0024), the others
// from the rollups the ladder_moves trigger keeps (ladder_reached, ladder_flows_monthly; migration 0003).

import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  accountTotals,
  FLOW_KINDS,
  type FlowKind,
  ladderFlowsMonthly,
  ladderReached,
  ladderReachedTotals,
  type Rung,
} from "@/db/schema";
import { ALL_RUNGS, RUNGS } from "@/lib/ladder";
import { monthsBetween } from "@/lib/periods";
import { type Climb, conversionRate, type MonthFlows } from "./ladder-report.rules";

export const REPORT_RUNGS: readonly Rung[] = ALL_RUNGS;

export type RungTotal = {
  rung: Rung;
  accounts: Record<AccountStatus, number>;
  total: number;
  /** Lifetime revenue of the accounts now on the rung, in minor units. */
  revenue: number;
};

// From the account_totals rollup (migration 0024): a few thousand rows, not a pass over every account.
const totalsByRung = preparedPerDb((db) =>
  db
    .select({
      rung: sql<Rung>`${accountTotals.rung}`,
      status: sql<AccountStatus>`${accountTotals.status}`,
      n: sql<number>`sum(${accountTotals.accounts})`,
      revenue: sql<number>`sum(${accountTotals.revenue})`,
    })
    .from(accountTotals)
    .groupBy(accountTotals.rung, accountTotals.status)
    .having(sql`sum(${accountTotals.accounts}) > 0`)
    .prepare(),
);

export function findRungTotals(db: Db): RungTotal[] {
  const byRung = new Map<Rung, RungTotal>(
    REPORT_RUNGS.map((rung) => [
      rung,
      {
        rung,
        accounts: Object.fromEntries(ACCOUNT_STATUSES.map((s) => [s, 0])) as Record<AccountStatus, number>,
        total: 0,
        revenue: 0,
      },
    ]),
  );
  for (const row of totalsByRung(db).all()) {
    const total = byRung.get(row.rung);
    if (!total) continue;
    total.accounts[row.status] += row.n;
    total.total += row.n;
    total.revenue += row.revenue;
  }
  return [...byRung.values()];
}

// From the ladder_reached_totals rollup (migration 0024): one row per rung, not a pass over ladder_reached.
const reachedCounts = preparedPerDb((db) =>
  db
    .select({
      rung: ladderReachedTotals.rung,
      reached: ladderReachedTotals.reached,
      climbed: ladderReachedTotals.climbed,
    })
    .from(ladderReachedTotals)
    .prepare(),
);

// The median of the climbs into a rung: the middle one or two entries of the (rung, climb_ms) index.
const middleClimbs = preparedPerDb((db) =>
  db
    .select({ climbMs: ladderReached.climbMs })
    .from(ladderReached)
    .where(and(eq(ladderReached.rung, sql.placeholder("rung")), isNotNull(ladderReached.climbMs)))
    .orderBy(ladderReached.climbMs)
    .limit(sql.placeholder("take"))
    .offset(sql.placeholder("skip"))
    .prepare(),
);

/** For each step up the ladder (suspect → prospect … advocate → partner): reached, climbed, rate, median. */
export function findClimbs(db: Db): Climb[] {
  const counts = new Map(
    reachedCounts(db)
      .all()
      .map((r) => [r.rung, r]),
  );
  return RUNGS.slice(0, -1).map((from, i) => {
    const to = RUNGS[i + 1] as Rung;
    const reached = counts.get(from)?.reached ?? 0;
    const climbed = counts.get(to)?.climbed ?? 0;
    let medianMs: number | null = null;
    if (climbed > 0) {
      const odd = climbed % 2 === 1;
      const middle = middleClimbs(db).all({
        rung: to,
        skip: Math.floor((climbed - 1) / 2),
        take: odd ? 1 : 2,
      });
      const values = middle.map((m) => m.climbMs as number);
      medianMs = values.reduce((s, v) => s + v, 0) / values.length;
    }
    return { from, to, reached, climbed, rate: conversionRate(climbed, reached), medianMs };
  });
}

const flowsBetween = preparedPerDb((db) =>
  db
    .select({ month: ladderFlowsMonthly.month, kind: ladderFlowsMonthly.kind, n: ladderFlowsMonthly.n })
    .from(ladderFlowsMonthly)
    .where(
      and(
        gte(ladderFlowsMonthly.month, sql.placeholder("from")),
        lt(ladderFlowsMonthly.month, sql.placeholder("to")),
      ),
    )
    .orderBy(ladderFlowsMonthly.month)
    .prepare(),
);

/** Moves per UTC month from `from` (inclusive) to `to` (exclusive), both "YYYY-MM"; every month present. */
export function findFlows(db: Db, from: string, to: string): MonthFlows[] {
  const months = new Map<string, MonthFlows>(
    monthsBetween(from, to).map((month) => [
      month,
      { month, ...(Object.fromEntries(FLOW_KINDS.map((k) => [k, 0])) as Record<FlowKind, number>) },
    ]),
  );
  for (const row of flowsBetween(db).all({ from, to })) {
    const m = months.get(row.month);
    if (m) m[row.kind] = row.n;
  }
  return [...months.values()];
}

export function ladderReport(db: Db, params: { from: string; to: string }) {
  return {
    rungs: findRungTotals(db),
    climbs: findClimbs(db),
    flows: findFlows(db, params.from, params.to),
  };
}

export type LadderReport = ReturnType<typeof ladderReport>;
