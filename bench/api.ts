// npm run bench:api [-- --db FILE --batches N --singles N --server next|handler --port P --out FILE] — issue #15 §4: a
// 1,000-order batch through the HTTP API on the 100k-account bench database in ≤ 1 s (p95 of 20), a single order
// in ≤ 20 ms.
//
// Copies bench/bench.db (seeded by `npm run bench`), makes an admin's API key with the "orders" scope in the
// copy, then POSTs /api/v1/orders over HTTP on this machine: every batch 1,000 new orders for 1,000 different
// existing accounts (random, by their external reference), every single order one new order; each is recorded
// for real (order figures, ladder moves, lapse, levels, check-in tasks, audit). The time is the client's: from
// sending the request to reading the whole answer.
//   --server next     (default) the real server as `npm start` runs it: scripts/serve.ts in front of the
//                     production build (run `next build` first), on its own process
//   --server handler  the same route handler (createApiV1Handler) behind a bare node:http server in this
//                     process: no build needed, no Next routing
// Writes bench/results/<date>-api.json.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { type Checkpointer, startCheckpointer } from "@/db/checkpoint";
import { openDb } from "@/db/client";
import { createApiKey } from "@/server/api-keys/api-keys.queries";
import { createApiV1Handler } from "@/server/api-v1/api-v1.handler";
import { benchOrders } from "./api-orders";
import { percentile } from "./harness";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: path.join("bench", "bench.db") },
    batches: { type: "string", default: "20" },
    singles: { type: "string", default: "100" },
    warmup: { type: "string", default: "3" },
    server: { type: "string", default: "next" },
    port: { type: "string", default: "3201" },
    /** Where the figures go (default bench/results/<date>-api.json). */
    out: { type: "string" },
  },
});
const BATCH = 1_000;
const BATCHES = Number(values.batches);
const SINGLES = Number(values.singles);
const WARMUP = Number(values.warmup);
const mode = values.server === "handler" ? "handler" : "next";
if (!existsSync(values.db)) {
  console.error(`${values.db} does not exist: run \`npm run bench\` (or copy a seeded bench.db there).`);
  process.exit(2);
}
if (mode === "next" && !existsSync(path.join(".next", "BUILD_ID"))) {
  console.error("No production build in .next: run `npx next build` first, or use --server handler.");
  process.exit(2);
}
process.env.BETTER_AUTH_SECRET ??= "bench-only-secret-0123456789abcdef0123456789";

// A copy, so the bench database stays as seeded.
const file = path.join(tmpdir(), `ladder-api-bench-${process.pid}.db`);
const source = new Database(values.db);
source.pragma("wal_checkpoint(TRUNCATE)");
source.close();
copyFileSync(values.db, file);
const db = openDb(file);
const accountsTotal = db.$client.prepare("SELECT count(*) FROM accounts").pluck().get() as number;
const refs = db.$client
  .prepare(
    "SELECT external_ref FROM accounts WHERE external_ref IS NOT NULL AND status != 'lost' ORDER BY id",
  )
  .pluck()
  .all() as string[];
const admin = db.$client
  .prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1")
  .pluck()
  .get() as string | undefined;
if (!admin || refs.length < BATCH) {
  console.error("The bench database needs an admin and at least 1,000 accounts with an external reference.");
  process.exit(2);
}
const { secret } = await createApiKey(
  db,
  { id: admin, role: "admin" },
  { name: "Bench", scopes: ["orders"], expiresInDays: null, requestsPerMinute: 100_000 },
);

// Deterministic choice of accounts, so runs on the same database post the same orders.
const orders = benchOrders(refs, "BENCH", new Date().toISOString().slice(0, 10));

let child: ChildProcess | undefined;
let checkpointer: Checkpointer | null = null;
let inProcess: Server | undefined;
let base: string;
if (mode === "next") {
  db.$client.close();
  base = `http://127.0.0.1:${values.port}`;
  child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: values.port,
      DATABASE_PATH: file,
      BETTER_AUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const started = Date.now();
  for (;;) {
    const up = await fetch(`${base}/api/v1/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() - started > 120_000 || child.exitCode !== null) {
      console.error("The server did not start.");
      child.kill();
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  // The server's start-up jobs (lapse, cadence, surveys over 100k accounts) run first; let them finish.
  await new Promise((r) => setTimeout(r, 20_000));
} else {
  // As the server does at start (instrumentation.ts): WAL checkpoints on a worker thread.
  checkpointer = startCheckpointer(db);
  const handler = createApiV1Handler({ getDb: () => db });
  inProcess = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const response = await handler(
        new Request(`http://localhost${req.url}`, { method: req.method, headers, body }),
      );
      res.statusCode = response.status;
      response.headers.forEach((v, k) => {
        res.setHeader(k, v);
      });
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => inProcess?.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(inProcess.address() as AddressInfo).port}`;
}

async function post(batch: ReturnType<typeof orders>) {
  const body = JSON.stringify({ orders: batch });
  const t0 = performance.now();
  const res = await fetch(`${base}/api/v1/orders`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body,
  });
  const answer = (await res.json()) as { summary?: { created: number } };
  const ms = performance.now() - t0;
  if (res.status !== 200 || answer.summary?.created !== batch.length)
    throw new Error(`POST /api/v1/orders answered ${res.status}: ${JSON.stringify(answer).slice(0, 300)}`);
  return { ms, bytes: body.length };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const r = (x: number) => Number(x.toFixed(1));
  return {
    runs: samples.length,
    p50Ms: r(percentile(sorted, 50)),
    p95Ms: r(percentile(sorted, 95)),
    maxMs: r(sorted.at(-1) ?? Number.NaN),
    /** Every run in order: a slow run that follows a pattern (every other batch, say) shows here. */
    timesMs: samples.map(r),
  };
}

const results: Record<string, unknown> = {};
try {
  for (let i = 0; i < WARMUP; i++) await post(orders(BATCH));
  const batchTimes: number[] = [];
  let bytes = 0;
  for (let i = 0; i < BATCHES; i++) {
    const r = await post(orders(BATCH));
    batchTimes.push(r.ms);
    bytes = r.bytes;
  }
  results.batchOf1000 = { ...stats(batchTimes), targetP95Ms: 1_000, requestBytes: bytes };
  console.log(`1,000-order batch: ${JSON.stringify(results.batchOf1000)}`);
  for (let i = 0; i < WARMUP * 5; i++) await post(orders(1));
  const singleTimes: number[] = [];
  for (let i = 0; i < SINGLES; i++) singleTimes.push((await post(orders(1))).ms);
  results.singleOrder = { ...stats(singleTimes), targetP95Ms: 20 };
  console.log(`single order: ${JSON.stringify(results.singleOrder)}`);
} finally {
  child?.kill();
  inProcess?.close();
  await checkpointer?.stop();
  if (mode === "handler") db.$client.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

const out = values.out ?? path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-api.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      command: `npm run bench:api -- ${process.argv.slice(2).join(" ")}`.trim(),
      server:
        mode === "next"
          ? "scripts/serve.ts in front of the production build (as npm start), its own process"
          : "createApiV1Handler behind node:http in the bench's process",
      accounts: accountsTotal,
      cpus: cpus().length,
      loadAverage: loadavg(),
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${out}`);
process.exit(0);
