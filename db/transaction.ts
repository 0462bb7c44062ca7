// Write transactions. better-sqlite3 is synchronous on one connection per process, so while the callback
// runs every statement on `db` is inside the transaction: the callback gets the same typed `Db` (raw
// prepared statements through `$client` included) rather than drizzle's transaction object, which is a
// different type and led to `tx as unknown as Db` casts. A nested call becomes a savepoint.
import type { Db } from "./client";

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken at BEGIN, so a read-then-write never fails
 * half-way with SQLITE_BUSY); commits when it returns, rolls back when it throws. `fn` must be synchronous.
 */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate();
}
