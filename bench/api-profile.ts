// tsx bench/api-profile.ts --db FILE [--batches N --size N --autocheckpoint N --drop idx,… --drop-triggers t,…
// --pages] — where an API order batch's time goes, in process on the given database file (written to: pass a
// copy). Each batch runs upsertOrdersByRef inside an outer BEGIN IMMEDIATE so the COMMIT is timed apart, then the
// WAL frames the commit wrote and a checkpoint of them are timed apart too (wal_autocheckpoint 0 unless
// --autocheckpoint says otherwise). Every statement is timed by its SQL text (the top 12 printed). --drop and
// --drop-triggers price indexes and triggers (put back at the end); --pages counts the last batch's WAL pages by
// the table or index they belong to (what the COMMIT and the checkpoint write).
import { readFileSync, statSync } from "node:fs";
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
    /** Triggers to drop first (comma-separated; put back at the end), to see what they cost a batch. */
    "drop-triggers": { type: "string", default: "" },
    /** Count the last batch's WAL pages by the table or index they belong to (reads dbstat: a few seconds). */
    pages: { type: "boolean", default: false },
    /** cache_size in KiB (the app's is 64,000). */
    cache: { type: "string", default: "" },
  },
});
if (!values.db) throw new Error("--db FILE (a copy: it is written to)");
const db = openDb(values.db, { migrate: false });
const sqlite = db.$client;
sqlite.pragma(`wal_autocheckpoint = ${Number(values.autocheckpoint)}`);
if (values.cache) sqlite.pragma(`cache_size = -${Number(values.cache)}`);
/** Drops the named indexes or triggers; returns their SQL, to put them back at the end. */
const dropFirst = (type: "index" | "trigger", names: string) =>
  names
    .split(",")
    .filter(Boolean)
    .map((name) => {
      const sql = sqlite
        .prepare("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?")
        .pluck()
        .get(type, name);
      if (typeof sql !== "string") throw new Error(`no ${type} ${name}`);
      sqlite.exec(`DROP ${type.toUpperCase()} "${name}"`);
      return sql;
    });
const dropped = dropFirst("index", values.drop);
const droppedTriggers = dropFirst("trigger", values["drop-triggers"]);
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
/** The WAL's frames by the table or index their page belongs to (frame header: the page number, big-endian). */
function countPages() {
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  const wal = readFileSync(`${values.db}-wal`);
  const pages = new Set<number>();
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) pages.add(wal.readUInt32BE(at));
  const by = new Map<string, number>();
  for (const [name, page] of sqlite.prepare("SELECT name, pageno FROM dbstat").raw().iterate() as Iterable<
    [string, number]
  >)
    if (pages.delete(page)) by.set(name, (by.get(name) ?? 0) + 1);
  if (pages.size) by.set("(pages added at the end)", pages.size);
  console.log("the last batch's WAL pages by table or index:");
  console.table([...by].sort((a, b) => b[1] - a[1]).map(([name, n]) => ({ name, pages: n })));
}

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
  if (values.pages && i === Number(values.warmup) + Number(values.batches) - 1) countPages();
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
if (droppedTriggers.length) console.log(`triggers dropped first: ${values["drop-triggers"]}`);
for (const text of [...dropped, ...droppedTriggers]) sqlite.exec(text);
console.log(
  "load average",
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" "),
);
sqlite.close();
