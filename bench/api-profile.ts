// tsx bench/api-profile.ts --db FILE [--batches N --size N --autocheckpoint N] — where an API order batch's time
// goes, in process on the given database file (written to: pass a copy). Each batch runs upsertOrdersByRef
// inside an outer BEGIN IMMEDIATE so the COMMIT is timed apart, then the WAL frames the commit wrote and a
// checkpoint of them are timed apart too (wal_autocheckpoint 0 unless --autocheckpoint says otherwise).
// Every statement is timed by its SQL text (the top 12 printed).
import { statSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { upsertOrdersByRef } from "@/server/orders/upsert-orders";
import { benchOrders } from "./api-orders";

const { values } = parseArgs({
  options: {
    db: { type: "string" },
    batches: { type: "string", default: "8" },
    size: { type: "string", default: "1000" },
    autocheckpoint: { type: "string", default: "0" },
    warmup: { type: "string", default: "2" },
    /** Indexes to drop first (comma-separated), to see what they cost a batch. */
    drop: { type: "string", default: "" },
    /** cache_size in KiB (the app's is 64,000). */
    cache: { type: "string", default: "" },
  },
});
if (!values.db) throw new Error("--db FILE (a copy: it is written to)");
const db = openDb(values.db, { migrate: false });
const sqlite = db.$client;
sqlite.pragma(`wal_autocheckpoint = ${Number(values.autocheckpoint)}`);
if (values.cache) sqlite.pragma(`cache_size = -${Number(values.cache)}`);
const dropped = values.drop
  .split(",")
  .filter(Boolean)
  .map((name) => {
    const sql = sqlite
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
      .pluck()
      .get(name);
    if (typeof sql !== "string") throw new Error(`no index ${name}`);
    sqlite.exec(`DROP INDEX "${name}"`);
    return sql;
  });
sqlite.pragma("wal_checkpoint(TRUNCATE)");

const statementMs = new Map<string, { ms: number; n: number }>();
const prepare = sqlite.prepare.bind(sqlite);
sqlite.prepare = ((source: string) => {
  const s = prepare(source) as unknown as Record<string, unknown> & { __timed?: boolean };
  if (!s.__timed) {
    for (const m of ["run", "all", "get"]) {
      const original = s[m] as (...a: unknown[]) => unknown;
      s[m] = (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return original.apply(s, args);
        } finally {
          const key = source.replace(/\s+/g, " ").slice(0, 110);
          const e = statementMs.get(key) ?? { ms: 0, n: 0 };
          e.ms += performance.now() - t0;
          e.n += 1;
          statementMs.set(key, e);
        }
      };
    }
    s.__timed = true;
  }
  return s;
}) as unknown as typeof sqlite.prepare;

const refs = sqlite
  .prepare(
    "SELECT external_ref FROM accounts WHERE external_ref IS NOT NULL AND status != 'lost' ORDER BY id",
  )
  .pluck()
  .all() as string[];
const admin = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' LIMIT 1").pluck().get() as string;
const now = Date.now();
const batch = benchOrders(refs, "PROF", now);

const walSize = () => {
  try {
    return statSync(`${values.db}-wal`).size;
  } catch {
    return 0;
  }
};
const rows: Record<string, number>[] = [];
const size = Number(values.size);
for (let i = 0; i < Number(values.warmup) + Number(values.batches); i++) {
  if (i === Number(values.warmup)) statementMs.clear();
  const orders = batch(size);
  const walStart = walSize();
  const t0 = performance.now();
  sqlite.exec("BEGIN IMMEDIATE");
  upsertOrdersByRef(db, { id: admin, role: "admin" }, orders, now);
  const t1 = performance.now();
  const walBefore = walSize();
  sqlite.exec("COMMIT");
  const t2 = performance.now();
  const walBytes = walSize() - walStart;
  const spilled = walBefore - walStart;
  const ck = performance.now();
  if (Number(values.autocheckpoint) === 0) sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const t3 = performance.now();
  if (i >= Number(values.warmup))
    rows.push({
      work: Math.round(t1 - t0),
      commit: Math.round(t2 - t1),
      walPages: Math.round(walBytes / 4120),
      spilledPages: Math.round(spilled / 4120),
      checkpoint: Math.round(t3 - ck),
    });
}
console.table(rows);
const top = [...statementMs].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
console.table(
  top.map(([sql, e]) => ({
    msPerBatch: Math.round(e.ms / Number(values.batches)),
    n: e.n,
    sql,
  })),
);
if (dropped.length) console.log(`dropped first (${dropped.length}):\n${dropped.join("\n")}`);
console.log(
  "load average",
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" "),
);
sqlite.close();
