// npm run bench:import-load [-- --db FILE --lines N --out FILE] — issue #11 §1: does a big import stop the office?
// Copies the 100k-account bench database (bench/bench.db, seeded by `npm run bench`), starts a second process
// (bench/import-load-reader.ts) that reads account-list pages and logs activities as an account manager, and
// meanwhile imports an order file of N lines and then an accounts-and-contacts file of N lines with the code the
// server's import worker runs (runImportJobInline on its own connection with the worker's busy_timeout, here in
// this process: Node 20 gives a worker thread no tsx loader; parsing and planning outside the lock, one write
// transaction). The reader's writes go through the tRPC middleware, which waits for the import's write lock on
// a timer up to WRITE_WAIT_MS (db/write-wait.ts) and then answers 503.
// Reports the reader's p50/p95/p99 per phase, failed writes, each import's time and its steps (milliseconds;
// "tx:" steps ran inside the write transaction), and the load average before and after; writes
// bench/results/<date>-import-under-load.json. Targets: reads p99 <= 100 ms, 0 failed writes.
import { type ChildProcess, fork } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { openDb } from "@/db/client";
import { IMPORT_BUSY_TIMEOUT_MS, writeWaitMs } from "@/db/write-wait";
import type { StepTrace } from "@/lib/step-trace";
import { ORDER_FILE_MAPPING } from "@/server/imports/import.schemas";
import type { ImportJob } from "@/server/imports/import-jobs";
import { runImportJobInline } from "@/server/imports/import-jobs.run";
import { percentile } from "./harness";
import { accountFile, orderFile } from "./import-files";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: path.join("bench", "bench.db") },
    lines: { type: "string", default: "100000" },
    /** Where the figures go (default bench/results/<date>-import-under-load.json). */
    out: { type: "string" },
  },
});
const LINES = Number(values.lines);
if (!existsSync(values.db)) {
  console.error(
    `${values.db} does not exist: run \`npm run bench\` (or npm run seed -- --accounts 100000 --db …).`,
  );
  process.exit(2);
}

// A copy, so the bench database stays as seeded.
const file = path.join(tmpdir(), `ladder-import-load-${process.pid}.db`);
const source = new Database(values.db);
source.pragma("wal_checkpoint(TRUNCATE)");
const accountsBefore = source.prepare("SELECT count(*) FROM accounts").pluck().get() as number;
source.close();
copyFileSync(values.db, file);
const db = openDb(file, { migrate: false, busyTimeoutMs: IMPORT_BUSY_TIMEOUT_MS });

type Sample = { phase: string; kind: "read" | "write"; ms: number; ok: boolean; error?: string };
const reader: ChildProcess = fork(path.join(import.meta.dirname, "import-load-reader.ts"), [file], {
  execArgv: ["--import", "tsx"],
});
const readerMessage = <T>(key: string) =>
  new Promise<T>((resolve) => {
    const on = (message: Record<string, unknown>) => {
      if (!(key in message)) return;
      reader.off("message", on);
      resolve(message as T);
    };
    reader.on("message", on);
  });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const loadAverageBefore = loadavg();
const ready = await readerMessage<{ ownAccounts: number }>("ready");
console.log(
  `reader started (${ready.ownAccounts} own accounts); ${accountsBefore.toLocaleString("en")} accounts`,
);
await pause(5_000);

const imports: Record<string, { seconds: number; cpuSeconds: number; summary: unknown; stepsMs: StepTrace }> =
  {};
async function importDuring(label: string, job: ImportJob) {
  reader.send({ phase: label });
  const trace: StepTrace = {};
  job.input.trace = trace;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = runImportJobInline(db, null, job);
  const seconds = Number(((performance.now() - t0) / 1000).toFixed(2));
  // This process's CPU time (user + system) for the import: less sensitive to other load than the wall time.
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = Number(((cpu.user + cpu.system) / 1e6).toFixed(2));
  const stepsMs = Object.fromEntries(Object.entries(trace).map(([k, v]) => [k, Math.round(v)]));
  imports[label] = { seconds, cpuSeconds, summary: result.summary, stepsMs };
  console.log(
    `${label}: ${seconds.toFixed(1)} s (CPU ${cpuSeconds.toFixed(1)} s)`,
    JSON.stringify(result.summary),
  );
  console.table(stepsMs);
  reader.send({ phase: "between" });
  await pause(3_000);
}

const common = { dryRun: false, allowPartial: false };
await importDuring(`orders import (${LINES} lines)`, {
  kind: "orders",
  input: {
    ...common,
    fileName: "orders.csv",
    csv: orderFile(LINES),
    mapping: { ...ORDER_FILE_MAPPING, category: "Category" },
  },
});
await importDuring(`accounts import (${LINES} lines)`, {
  kind: "accounts",
  input: {
    ...common,
    fileName: "accounts.csv",
    csv: accountFile(LINES),
    mapping: {
      account_ref: "Account ID",
      company: "Company",
      contact_name: "Contact Name",
      contact_title: "Title",
      contact_email: "Email",
      contact_phone: "Phone",
      segment: "Segment",
      industry: "Industry",
    },
  },
});

const stopped = readerMessage<{ samples: Sample[] }>("samples");
reader.send({ stop: true });
const { samples } = await stopped;
db.$client.close();
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });

const round = (n: number) => Number(n.toFixed(1));
const phases: Record<string, unknown> = {};
for (const phase of [...new Set(samples.map((s) => s.phase))]) {
  const of = (kind: Sample["kind"]) => samples.filter((s) => s.phase === phase && s.kind === kind);
  const reads = of("read")
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const writes = of("write");
  const writeMs = writes.map((s) => s.ms).sort((a, b) => a - b);
  const failed = [...of("read"), ...writes].filter((s) => !s.ok);
  phases[phase] = {
    reads: reads.length,
    readP50: round(percentile(reads, 50)),
    readP95: round(percentile(reads, 95)),
    readP99: round(percentile(reads, 99)),
    readMax: round(reads.at(-1) ?? Number.NaN),
    writes: writes.length,
    failedWrites: writes.filter((s) => !s.ok).length,
    failedReads: of("read").filter((s) => !s.ok).length,
    writeP99: round(percentile(writeMs, 99)),
    writeMax: round(writeMs.at(-1) ?? Number.NaN),
    errors: [...new Set(failed.map((s) => s.error))].slice(0, 5),
  };
}
console.table(phases);

const out =
  values.out ??
  path.join("bench", "results", `${new Date().toISOString().slice(0, 10)}-import-under-load.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify(
    {
      command: `npm run bench:import-load -- --lines ${LINES}`,
      database: `${values.db} (${accountsBefore} accounts), copied`,
      lines: LINES,
      cores: cpus().length,
      loadAverageBefore,
      loadAverageAfter: loadavg(),
      writeWaitMs: writeWaitMs(),
      imports,
      reader: phases,
    },
    null,
    2,
  )}\n`,
);
console.log(`written ${out}`);
process.exit(0);
