// Waiting for the write lock without stopping the server (issue #11 §1). better-sqlite3 is synchronous: a write
// that meets another connection's lock (an import, a backup, a CLI) waits inside SQLite's busy handler, and
// while it waits the whole process — every other request, reads included — waits with it. So before a write
// the server asks whether the lock is free, and while it is not it waits between asks with a timer, answering
// other requests meanwhile; past the bound the write is refused ("busy, try again", 503) and writes nothing.
// Reads never ask: in WAL mode a reader sees the last committed state and never waits for a writer.
import type Database from "better-sqlite3";
import type { Db } from "./client";

/**
 * How long an interactive write waits for another connection's write transaction, in ms: comfortably longer
 * than the largest import's write transaction, so a user's write waits for the import instead of failing. A
 * 100,000-line order import into the 100k-account bench database held the lock 49.5 s at load average 14-17 on
 * 2 shared cores (npm run bench:import-load, bench/results/2026-12-02-import-under-load.json) and 66 s at load
 * 21; its CPU time is about a sixth of that. The wait costs the server nothing (a timer between asks).
 * WRITE_WAIT_MS overrides it (tests shorten it).
 */
export const DEFAULT_WRITE_WAIT_MS = 120_000;

/**
 * How long an import's own connection (a worker thread, a CLI, the bench) waits for the write lock before its
 * one write transaction: other users' writes are short, so it only waits for them, never fails because of them.
 */
export const IMPORT_BUSY_TIMEOUT_MS = 120_000;

export function writeWaitMs(): number {
  const set = Number(process.env.WRITE_WAIT_MS);
  return Number.isFinite(set) && set >= 0 ? set : DEFAULT_WRITE_WAIT_MS;
}

/** True when no other connection holds the write lock right now (asks without waiting). */
export function writeLockFree(sqlite: Database.Database): boolean {
  // Our own transaction is open (a caller inside one): the lock is ours.
  if (sqlite.inTransaction || sqlite.memory) return true;
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.prepare("BEGIN IMMEDIATE").run();
    sqlite.prepare("ROLLBACK").run();
    return true;
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves true as soon as the write lock is free, or false when it is still held after `boundMs`. Asks every
 * 10 ms at first, then every 50 ms: a short write is not kept waiting, a long import is not asked 1,000 times
 * a second. The asks are microseconds each and the process answers other requests between them.
 */
export async function waitForWriteLock(db: Db, boundMs = writeWaitMs()): Promise<boolean> {
  const sqlite = db.$client;
  if (writeLockFree(sqlite)) return true;
  const until = performance.now() + boundMs;
  for (let asks = 1; ; asks += 1) {
    const left = until - performance.now();
    if (left <= 0) return false;
    await pause(Math.min(asks < 20 ? 10 : 50, left));
    if (writeLockFree(sqlite)) return true;
  }
}
