// npm run bench [-- --accounts N --seed S --iterations N --warmup N --only TEXT --reseed --db FILE]
// Seeds (or reuses) bench/bench.db at the large size, then times every case in bench/cases through the tRPC
// server-side caller and as the raw SQL that call ran, and writes bench/results/<date>-foundation.json.
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Db, openDb } from "@/db/client";
import { countAccounts, readDemoDataInfo, seedDemo } from "@/db/seed/seed";
import type { SessionUser } from "@/server/context";
import { createCaller } from "@/server/root";
import { ALL_CASES } from "./cases";
import {
  type BenchContext,
  createQueryRecorder,
  missedTargets,
  prepareReplay,
  type Stats,
  summarize,
  timeInterleaved,
} from "./harness";

// The dashboards' cache (server/report-cache.ts) would answer all but the first of the timed runs: the bench
// measures the SQL and the caller, so it computes every time.
process.env.REPORT_CACHE = "off";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "100000" },
    seed: { type: "string", default: "2" },
    orders: { type: "string" },
    iterations: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    only: { type: "string" },
    db: { type: "string", default: path.join("bench", "bench.db") },
    out: { type: "string" },
    reseed: { type: "boolean", default: false },
  },
});
const accounts = Number(values.accounts);
const seed = Number(values.seed);
const ordersTarget = values.orders ? Number(values.orders) : accounts * 10;
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);
const file = values.db;

const recorder = createQueryRecorder();
let seedSeconds: number | null = null;

function openBenchDb(): Db {
  if (existsSync(file) && !values.reseed) {
    const db = openDb(file, { logger: recorder.logger });
    const info = readDemoDataInfo(db);
    if (info && info.seed === seed && info.accounts === accounts && info.ordersTarget === ordersTarget) {
      console.log(`Reusing ${file}: ${info.accounts} accounts, ${info.orders} orders (seed ${info.seed}).`);
      return db;
    }
    db.$client.close();
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  return openDb(file, { logger: recorder.logger });
}

const db = openBenchDb();
if (countAccounts(db) === 0) {
  console.log(`Seeding ${file} with ${accounts} accounts (seed ${seed})…`);
  const result = await seedDemo(db, { accounts, seed, orders: ordersTarget, log: console.log });
  seedSeconds = result.ms / 1000;
}

const sqlite = db.$client;
const user = sqlite
  .prepare("SELECT id, name, email, role, locale FROM users WHERE id = 'u-am-1'")
  .get() as SessionUser;
const ctx: BenchContext = {
  db,
  user,
  state: {},
  sample: {
    richAccountId: sqlite
      .prepare("SELECT id FROM accounts ORDER BY order_count DESC, id LIMIT 1")
      .pluck()
      .get() as number,
    ownerId: "u-am-1",
    englishWord: "harbor",
    chinese2: "张伟",
    chinese4: "上海华联",
  },
};
const caller = createCaller({ db, user });

type Row = {
  name: string;
  group: string;
  target: (typeof ALL_CASES)[number]["target"];
  trpc?: Stats;
  raw?: Stats;
  ratio?: number | null;
  missed?: string[];
  statements?: { sql: string; params: unknown[] }[];
  error?: string;
};
const rows: Row[] = [];
const cases = ALL_CASES.filter((c) => !values.only || c.name.includes(values.only));

for (const c of cases) {
  const row: Row = { name: c.name, group: c.group, target: c.target };
  rows.push(row);
  try {
    await c.setup?.(caller, ctx);
    const run = () => c.run(caller, ctx);
    const statements = await recorder.record(run);
    const replay = prepareReplay(sqlite, statements);
    const replayAsync = statements.length ? async () => replay() : null;
    const [trpcMs, rawMs] = await timeInterleaved(run, replayAsync, warmup, iterations);
    const trpc = summarize(trpcMs);
    const raw = rawMs.length ? summarize(rawMs) : undefined;
    const ratio = raw ? trpc.median / raw.median : null;
    Object.assign(row, { trpc, raw, ratio, statements, missed: missedTargets(c.target, trpc, ratio) });
  } catch (error) {
    row.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
  process.stdout.write(".");
}
console.log("\n");

const ms = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(2));
console.table(
  rows.map((r) => ({
    case: r.name,
    "tRPC median ms": ms(r.trpc?.median),
    "tRPC p95 ms": ms(r.trpc?.p95),
    "raw median ms": ms(r.raw?.median),
    "raw p95 ms": ms(r.raw?.p95),
    "tRPC/raw": r.ratio == null ? "—" : r.ratio.toFixed(2),
    stmts: r.statements?.length ?? "—",
    result: r.error ? `ERROR ${r.error}` : r.missed?.length ? `OVER: ${r.missed.join(", ")}` : "ok",
  })),
);

/** Microsecond precision is plenty in the JSON; parameters keep their exact values. */
function roundTimings(key: string, value: unknown): unknown {
  const timing = ["median", "p95", "mean", "min", "max", "ratio"].includes(key);
  return timing && typeof value === "number" ? Math.round(value * 1000) / 1000 : value;
}

const info = readDemoDataInfo(db);
const date = new Date().toISOString().slice(0, 10);
const out = values.out ?? path.join("bench", "results", `${date}-foundation.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date,
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        node: process.version,
        platform: process.platform,
      },
      database: { accounts: info?.accounts, orders: info?.orders, seed: info?.seed, seedSeconds },
      user: { id: user.id, role: user.role },
      iterations,
      warmup,
      targets: "list pages and the account page: p95 ≤ 20 ms; tRPC/raw (medians) ≤ 1.5",
      cases: rows,
    },
    roundTimings,
    2,
  )}\n`,
);
console.log(`Wrote ${out}`);
const over = rows.filter((r) => r.error || r.missed?.length).length;
if (over) console.log(`${over} case(s) missed a target or failed.`);
sqlite.close();
