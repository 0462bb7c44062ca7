// Revenue and lifetime value by rung and by relationship level (issue #6 §2). Computed in SQL from the
// account_totals rollup (a few thousand rows, not 100k accounts) and the last year of ladder moves (a range on
// ladder_moves_defection_idx).
//
// Per group (a rung, or a level), over accounts active now:
//   yearly margin per account = Σ lifetime margin ÷ Σ years as a customer (first order → now, at least 1)
//   yearly defection rate     = moves to lapsed or lost in the last 12 months from that group
//                               ÷ (active accounts now + those defections)
//   expected lifetime         = 1 ÷ yearly defection rate, capped at 10 years
//   lifetime value            = yearly margin per account × expected lifetime
import { and, eq, gt, gte, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import {
  ALL_RUNGS,
  accountFirstOrders,
  accounts,
  accountTotals,
  DEFECTION_BUCKET_MS,
  defectionTotals,
  FIRST_ORDER_BUCKET_MS,
  LEVELS,
  ladderMoves,
  NO_FIRST_ORDER,
} from "@/db/schema";
import { expectedLifetimeYears, lifetimeValue } from "./retention.rules";

const YEAR = 365 * 86_400_000;

export type ValueRow = {
  group: string;
  activeAccounts: number;
  revenue: number;
  yearlyMarginPerAccount: number;
  defections: number;
  yearlyDefectionRate: number | null;
  expectedLifetimeYears: number;
  lifetimeValue: number;
};

type Sums = { n: number; revenue: number; margin: number; years: number; defections: number };

function row(group: string, t: Sums | undefined): ValueRow {
  const n = t?.n ?? 0;
  const defections = t?.defections ?? 0;
  const yearlyMarginPerAccount = t && t.years > 0 ? t.margin / t.years : 0;
  const yearlyDefectionRate = n + defections > 0 ? defections / (n + defections) : null;
  return {
    group,
    activeAccounts: n,
    revenue: t?.revenue ?? 0,
    yearlyMarginPerAccount: Math.round(yearlyMarginPerAccount),
    defections,
    yearlyDefectionRate,
    expectedLifetimeYears: expectedLifetimeYears(yearlyDefectionRate ?? 0),
    lifetimeValue: Math.round(lifetimeValue(yearlyMarginPerAccount, yearlyDefectionRate ?? 0)),
  };
}

type GroupSums = { rung: string; level: string; n: number; revenue: number; margin: number; years: number };

// Active accounts per rung and level from the account_totals rollup (migration 0024): counts and sums as they
// are; years as a customer, max(1, (now − first order) ÷ a year) summed per account, split by the rollup's
// 30-day first-order buckets. A bucket wholly more than a year back sums to (n × now − Σ first) ÷ a year, one
// wholly within the last year (or without orders) to n; the one bucket that holds "a year ago" is read account
// by account from account_first_orders (a few thousand at most).
const activeGroups = preparedPerDb((db) =>
  db
    .select({
      rung: accountTotals.rung,
      level: accountTotals.level,
      n: sql<number>`sum(${accountTotals.accounts})`,
      revenue: sql<number>`sum(${accountTotals.revenue})`,
      margin: sql<number>`sum(${accountTotals.margin})`,
      years: sql<number>`coalesce(sum(CASE
        WHEN ${accountTotals.firstBucket} = ${NO_FIRST_ORDER} OR ${accountTotals.firstBucket} > ${sql.placeholder("bucket")}
          THEN ${accountTotals.accounts}
        WHEN ${accountTotals.firstBucket} < ${sql.placeholder("bucket")}
          THEN (${accountTotals.accounts} * ${sql.placeholder("now")} - ${accountTotals.firstSum}) / (${YEAR} * 1.0)
        ELSE 0.0 END), 0)`,
    })
    .from(accountTotals)
    .where(eq(accountTotals.status, "active"))
    .groupBy(accountTotals.rung, accountTotals.level)
    .having(sql`sum(${accountTotals.accounts}) > 0`)
    .prepare(),
);

const boundaryYears = preparedPerDb((db) =>
  db
    .select({
      rung: accounts.rung,
      level: accounts.level,
      years: sql<number>`sum(max(1.0, (${sql.placeholder("now")} - ${accounts.firstOrderAt}) / (${YEAR} * 1.0)))`,
    })
    .from(accountFirstOrders)
    .innerJoin(accounts, eq(accounts.id, accountFirstOrders.accountId))
    .where(
      and(
        gte(accountFirstOrders.firstOrderAt, sql.placeholder("from")),
        lt(accountFirstOrders.firstOrderAt, sql.placeholder("to")),
        eq(accounts.status, "active"),
      ),
    )
    .groupBy(accounts.rung, accounts.level)
    .prepare(),
);

export function activeAccountsBy(db: Db, now: number): GroupSums[] {
  const bucket = Math.floor((now - YEAR) / FIRST_ORDER_BUCKET_MS);
  const groups = activeGroups(db).all({ bucket, now });
  const straddling = boundaryYears(db).all({
    now,
    from: bucket * FIRST_ORDER_BUCKET_MS,
    to: (bucket + 1) * FIRST_ORDER_BUCKET_MS,
  });
  const byKey = new Map(groups.map((g) => [`${g.rung}|${g.level}`, g]));
  for (const b of straddling) {
    const g = byKey.get(`${b.rung}|${b.level}`);
    if (g) g.years += b.years;
  }
  return groups;
}

// Defections in the last 12 months (from `from` to `to`), by the rung they left and the account's level now:
// whole 7-day buckets from defection_totals (migration 0024), the moves of the two buckets at the ends one by
// one (on the partial index ladder_moves_defection_idx, migration 0005).
const defectionBuckets = preparedPerDb((db) =>
  db
    .select({
      rung: defectionTotals.fromRung,
      level: defectionTotals.level,
      n: sql<number>`sum(${defectionTotals.n})`,
    })
    .from(defectionTotals)
    .where(
      and(
        gt(defectionTotals.bucket, sql.placeholder("first")),
        lt(defectionTotals.bucket, sql.placeholder("last")),
      ),
    )
    .groupBy(defectionTotals.fromRung, defectionTotals.level)
    .prepare(),
);

const defectionMoves = preparedPerDb((db) =>
  db
    .select({
      rung: sql<string>`coalesce(${ladderMoves.fromRung}, '')`,
      level: accounts.level,
      n: sql<number>`count(*)`,
    })
    .from(ladderMoves)
    .innerJoin(accounts, eq(accounts.id, ladderMoves.accountId))
    .where(
      and(
        gte(ladderMoves.at, sql.placeholder("from")),
        lt(ladderMoves.at, sql.placeholder("to")),
        sql`${ladderMoves.fromStatus} = 'active' AND ${ladderMoves.toStatus} IN ('lapsed', 'lost')`,
      ),
    )
    .groupBy(ladderMoves.fromRung, accounts.level)
    .prepare(),
);

export function defectionsWithin(db: Db, from: number, to: number) {
  const first = Math.floor(from / DEFECTION_BUCKET_MS);
  const last = Math.floor(to / DEFECTION_BUCKET_MS);
  const ends =
    first === last
      ? defectionMoves(db).all({ from, to })
      : [
          ...defectionMoves(db).all({ from, to: Math.min(to, (first + 1) * DEFECTION_BUCKET_MS) }),
          ...defectionMoves(db).all({ from: last * DEFECTION_BUCKET_MS, to }),
        ];
  const whole = first + 1 < last ? defectionBuckets(db).all({ first, last }) : [];
  return [...whole, ...ends]
    .filter((d) => d.n !== 0)
    .map((d) => ({ rung: d.rung === "" ? null : d.rung, level: d.level, n: d.n }));
}

export function valueByRungAndLevel(db: Db, now = Date.now()) {
  const accountsBy = activeAccountsBy(db, now);
  const defectionsBy = defectionsWithin(db, now - YEAR, now);
  const byRung = new Map<string, Sums>();
  const byLevel = new Map<string, Sums>();
  const add = (map: Map<string, Sums>, key: string, part: Partial<Sums>) => {
    const t = map.get(key) ?? { n: 0, revenue: 0, margin: 0, years: 0, defections: 0 };
    for (const k of Object.keys(part) as (keyof Sums)[]) t[k] += part[k] ?? 0;
    map.set(key, t);
  };
  for (const r of accountsBy) {
    const part = { n: r.n, revenue: r.revenue, margin: r.margin, years: r.years };
    add(byRung, r.rung, part);
    add(byLevel, r.level, part);
  }
  for (const d of defectionsBy) {
    if (d.rung !== null) add(byRung, d.rung, { defections: d.n });
    add(byLevel, d.level, { defections: d.n });
  }
  return {
    byRung: ALL_RUNGS.map((g) => row(g, byRung.get(g))),
    byLevel: LEVELS.map((g) => row(g, byLevel.get(g))),
  };
}
