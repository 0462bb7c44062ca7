// Dashboards aggregate whole tables (a year of complaints, 200k survey answers, a million orders): on the 100k
// bench database one view costs 0.2–1 s of synchronous SQLite, and while it runs the server answers nobody
// else. Their answers change only when the data does, so a dashboard procedure's answer is kept until the next
// write — by this process (SQLite's total_changes() on the connection) or by any other connection (an import
// worker, a CLI, a restore: PRAGMA data_version) — or until the minute turns (the answers' windows end "now").
//
// Only what depends on the database and the input alone may be cached: `cachedReport` hands the function the
// connection and the input, never the reader, so a cached answer cannot carry one person's view to another.
// The role check runs before (the procedure's guard), so a reader the role refuses never reaches the cache.
import type { Db } from "@/db/client";

type Entry = { version: string; value: unknown };
type Versioned = { entries: Map<string, Entry>; totalChanges: () => number };

/** Most answers kept per connection (each a dashboard's figures, a few kB); the least recently read go first. */
export const REPORT_CACHE_SIZE = 400;
const MINUTE = 60_000;

const perConnection = new WeakMap<object, Versioned>();
const keys = new WeakMap<object, number>();
let nextKey = 1;

function enabled(): boolean {
  return process.env.REPORT_CACHE !== "off";
}

function versioned(db: Db): Versioned {
  let v = perConnection.get(db.$client);
  if (!v) {
    const stmt = db.$client.prepare("SELECT total_changes()").pluck();
    v = { entries: new Map(), totalChanges: () => stmt.get() as number };
    perConnection.set(db.$client, v);
  }
  return v;
}

function dataVersion(db: Db, v: Versioned, now: number): string {
  const other = db.$client.pragma("data_version", { simple: true }) as number;
  return `${other}:${v.totalChanges()}:${Math.floor(now / MINUTE)}`;
}

function keyOf(fn: object, input: unknown): string {
  let id = keys.get(fn);
  if (id === undefined) {
    id = nextKey++;
    keys.set(fn, id);
  }
  return `${id}:${JSON.stringify(input ?? null)}`;
}

/** Sets `key` as the most recently used entry of `map`, dropping the least recently used beyond `max`. */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
}

/**
 * What every cached answer of this connection is valid for now (null with `REPORT_CACHE=off`): an answer
 * computed under this version is still the answer while the version stays the same.
 */
export function reportVersion(db: Db, now = Date.now()): string | null {
  return enabled() ? dataVersion(db, versioned(db), now) : null;
}

/**
 * `fn(db, input)`, answered from the cache while no write has happened since it was computed (in this
 * process or another) and the minute has not turned. `REPORT_CACHE=off` computes every time (the procedure
 * bench measures the SQL, not the cache).
 */
export function readThrough<I, R>(db: Db, fn: (db: Db, input: I) => R, input: I): R {
  if (!enabled()) return fn(db, input);
  const v = versioned(db);
  const key = keyOf(fn, input);
  const version = dataVersion(db, v, Date.now());
  const hit = v.entries.get(key);
  if (hit && hit.version === version) {
    keepRecent(v.entries, key, hit, REPORT_CACHE_SIZE);
    return hit.value as R;
  }
  const value = fn(db, input);
  keepRecent(v.entries, key, { version, value }, REPORT_CACHE_SIZE);
  return value;
}

/** A tRPC resolver for a dashboard procedure whose answer depends on the database and its input only. */
export function cachedReport<I, R>(fn: (db: Db, input: I) => R) {
  return ({ ctx, input }: { ctx: { db: Db }; input: I }): R => readThrough(ctx.db, fn, input);
}
