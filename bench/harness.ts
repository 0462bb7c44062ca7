// The bench's moving parts: what a case is, how a run is timed and summarised, and how the SQL a procedure
// runs is recorded so it can be replayed raw. Cases live in bench/cases/*.ts; later issues add files there.
import type Database from "better-sqlite3";
import type { Logger } from "drizzle-orm/logger";
import type { Db } from "@/db/client";
import type { SessionUser } from "@/server/context";
import type { createCaller } from "@/server/root";

export type Caller = ReturnType<typeof createCaller>;

/** Facts about the seeded database that cases need (an account with many orders, a busy owner…). */
export type BenchContext = {
  db: Db;
  user: SessionUser;
  /** Scratch space a case's setup fills (e.g. the cursor of a deep page). */
  state: Record<string, unknown>;
  sample: {
    /** The account with the most orders. */
    richAccountId: number;
    /** An account manager who owns a fair share of accounts. */
    ownerId: string;
    englishWord: string;
    chinese2: string;
    chinese4: string;
  };
};

export type Target = { p95Ms?: number; maxRatio?: number };

export type BenchCase = {
  name: string;
  /** Which issue or area the case belongs to (groups the report). */
  group: string;
  target: Target;
  /** Runs once before timing, e.g. to walk to a deep cursor; not timed. */
  setup?: (caller: Caller, ctx: BenchContext) => Promise<void>;
  run: (caller: Caller, ctx: BenchContext) => Promise<unknown>;
};

export type Stats = { median: number; p95: number; mean: number; min: number; max: number; n: number };

/** Linear-interpolated percentile (p in 0..100) of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function summarize(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}

/** Which targets a result misses, as short labels for the table and the JSON. */
export function missedTargets(target: Target, trpc: Stats, ratio: number | null): string[] {
  const missed: string[] = [];
  if (target.p95Ms !== undefined && trpc.p95 > target.p95Ms) missed.push(`p95 > ${target.p95Ms} ms`);
  if (target.maxRatio !== undefined && ratio !== null && ratio > target.maxRatio) {
    missed.push(`tRPC/raw > ${target.maxRatio}`);
  }
  return missed;
}

/**
 * Times two ways of doing the same work, alternating run by run, so a burst of load from elsewhere on the
 * machine hits both sides alike and their ratio stays fair.
 */
export async function timeInterleaved(
  a: () => Promise<unknown>,
  b: (() => Promise<unknown>) | null,
  warmup: number,
  iterations: number,
): Promise<[number[], number[]]> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    let t0 = performance.now();
    await a();
    if (i >= warmup) as.push(performance.now() - t0);
    if (!b) continue;
    t0 = performance.now();
    await b();
    if (i >= warmup) bs.push(performance.now() - t0);
  }
  return [as, bs];
}

export type Statement = { sql: string; params: unknown[] };

/** A drizzle logger that keeps the statements run while recording is on. */
export function createQueryRecorder() {
  let recording: Statement[] | null = null;
  const logger: Logger = {
    logQuery(sql, params) {
      recording?.push({ sql, params: [...params] });
    },
  };
  return {
    logger,
    async record(fn: () => Promise<unknown>): Promise<Statement[]> {
      recording = [];
      try {
        await fn();
        return recording;
      } finally {
        recording = null;
      }
    },
  };
}

/** Prepares the recorded statements once; the returned function runs them all, as the procedure did. */
export function prepareReplay(sqlite: Database.Database, statements: readonly Statement[]): () => void {
  // A trailing comment gives each replayed statement its own compiled copy: the connection's statement cache
  // would otherwise hand back the app's statement, left in drizzle's array-row mode (cheaper than objects).
  const prepared = statements.map((s) => ({
    stmt: sqlite.prepare(`${s.sql} -- bench replay`),
    params: s.params,
  }));
  return () => {
    for (const { stmt, params } of prepared) {
      if (stmt.reader) stmt.all(...params);
      else stmt.run(...params);
    }
  };
}
