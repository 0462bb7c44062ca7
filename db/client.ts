// One better-sqlite3 connection per process, with the pragmas the app relies on.

import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { Logger } from "drizzle-orm/logger";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(process.cwd(), "data", "ladder.db");
}

export type OpenDbOptions = {
  migrate?: boolean;
  /** Sees every statement drizzle runs (the bench records them to replay as raw SQL). Default: none. */
  logger?: Logger;
  /**
   * How long a write waits for another connection's lock inside SQLite, blocking this thread (ms; default
   * 5 s). An import's own connection waits longer (IMPORT_BUSY_TIMEOUT_MS): it runs off the request thread.
   */
  busyTimeoutMs?: number;
};

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  return table
    ? (sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n
    : 0;
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle prepares every statement it runs afresh; compiling SQL is often the larger part of a sub-millisecond
 * query (measured by `npm run bench`: tRPC/raw was 2–3× before this). So the connection keeps the last
 * STATEMENT_CACHE_SIZE prepared statements by SQL text and hands them back, reset to plain object rows
 * because callers switch modes with raw()/pluck() on the statement they get.
 */
function cacheStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source); // re-insert: the Map's order is the recency order
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = prepare(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Sampled statistics for the tables and indexes that have none (a migration's new or rebuilt ones). The others
 * keep theirs: a sampled ANALYZE of everything replaced the full statistics of a seeded or long-running
 * database with rougher ones and turned plans elsewhere (on the 100k bench, a filter on an owner, a segment
 * and a rung read the whole segment: 2.5 → 18 ms).
 */
export function analyzeNew(sqlite: Database.Database): void {
  const analyzed = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'")
    .get();
  if (!analyzed) {
    sqlite.exec("PRAGMA analysis_limit = 1000; ANALYZE;");
    return;
  }
  const fresh = sqlite
    .prepare(
      `SELECT name FROM sqlite_master m WHERE (type = 'index' AND sql IS NOT NULL
          AND name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL))
        OR (type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (SELECT tbl FROM sqlite_stat1))
      ORDER BY type DESC, name`,
    )
    .pluck()
    .all() as string[];
  sqlite.exec("PRAGMA analysis_limit = 1000");
  for (const name of fresh) sqlite.exec(`ANALYZE "${name.replaceAll('"', '""')}"`);
}

/** Opens a database file (or ":memory:"), sets pragmas and applies pending migrations. */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.round(options.busyTimeoutMs ?? 5000)}`);
  sqlite.pragma("cache_size = -64000");
  sqlite.pragma("temp_store = MEMORY");
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema, logger: options.logger }) as Db;
  if (options.migrate !== false) {
    const applied = appliedMigrations(sqlite);
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    // New indexes have no statistics until ANALYZE; without them the planner may pick one that sorts a
    // whole rung instead of walking the owner's index (measured: 0.7 → 23 ms on the accounts list).
    if (applied > 0 && appliedMigrations(sqlite) > applied) analyzeNew(sqlite);
  }
  return db;
}

const globalForDb = globalThis as unknown as { ladderDb?: Db };

/** The process-wide connection to the configured database file. */
export function getDb(): Db {
  if (!globalForDb.ladderDb) globalForDb.ladderDb = openDb(databasePath());
  return globalForDb.ladderDb;
}
