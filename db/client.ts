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
};

/** Opens a database file (or ":memory:"), sets pragmas and applies pending migrations. */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("cache_size = -64000");
  sqlite.pragma("temp_store = MEMORY");
  const db = drizzle(sqlite, { schema, logger: options.logger }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

const globalForDb = globalThis as unknown as { ladderDb?: Db };

/** The process-wide connection to the configured database file. */
export function getDb(): Db {
  if (!globalForDb.ladderDb) globalForDb.ladderDb = openDb(databasePath());
  return globalForDb.ladderDb;
}
