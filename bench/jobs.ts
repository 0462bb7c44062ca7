// tsx bench/jobs.ts [--db FILE --runs N --only NAME] — what each background job costs the server's thread on the
// bench database (issue #12 §1): every job's run as its timer calls it, with nothing due and with something due,
// N times each, inside an outer transaction rolled back after each run (the file is left as it was). Prints
// the run's wall time, the longest stretch it held the event loop (the widest gap between two setImmediate ticks
// while it ran: what a request arriving then would wait for) and how many stretches (all runs) passed 50 ms.
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { runBreachJob } from "@/server/complaints/breach.job";
import { sendOutbox } from "@/server/complaints/outbox.queries";
import { runLapseJob } from "@/server/ladder/lapse.job";
import { runCadenceJob } from "@/server/levels/cadence.job";
import { runSurveyJob } from "@/server/surveys/survey.job";
import { sendDueDeliveries } from "@/server/webhooks/delivery.queries";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "bench/bench.db" },
    runs: { type: "string", default: "3" },
    only: { type: "string", default: "" },
  },
});
const db = openDb(values.db, { migrate: false });
const sqlite = db.$client;
const DAY = 86_400_000;
const NOW = Date.now();

type Scenario = {
  job: string;
  due: string;
  /** Untimed, inside the outer transaction, before the timed run (e.g. a first run that clears a backlog). */
  prepare?: () => Promise<unknown> | unknown;
  run: () => Promise<unknown> | unknown;
};

const okTransport = { sendMail: async () => ({}) };
const okSender = async () => ({ status: 200, body: "ok" });

function queueDeliveries(n: number) {
  const endpoint = sqlite
    .prepare(
      `INSERT INTO webhook_endpoints (url, secret, events, active, created_by_id, created_at, updated_at)
       VALUES ('https://hooks.example.test/in', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', '["*"]', 1,
         (SELECT id FROM users LIMIT 1), ?, ?) RETURNING id`,
    )
    .pluck()
    .get(NOW, NOW) as number;
  const insert = sqlite.prepare(
    `INSERT INTO webhook_deliveries (endpoint_id, event, message_id, payload, status, attempts, next_attempt_at, created_at)
     VALUES (?, 'webhook.test', ?, '{"type":"webhook.test","data":{}}', 'pending', 0, ?, ?)`,
  );
  for (let i = 0; i < n; i++) insert.run(endpoint, `msg_bench_${i}`, NOW - 1, NOW - 1);
}

const scenarios: Scenario[] = [
  { job: "lapse", due: "nothing", prepare: () => runLapseJob(db, NOW), run: () => runLapseJob(db, NOW) },
  { job: "lapse", due: "30 days on", run: () => runLapseJob(db, NOW + 30 * DAY) },
  {
    job: "cadence",
    due: "nothing",
    prepare: () => runCadenceJob(db, NOW),
    run: () => runCadenceJob(db, NOW),
  },
  { job: "cadence", due: "31 days on", run: () => runCadenceJob(db, NOW + 31 * DAY) },
  { job: "breach", due: "nothing", prepare: () => runBreachJob(db, NOW), run: () => runBreachJob(db, NOW) },
  { job: "breach", due: "7 days on", run: () => runBreachJob(db, NOW + 7 * DAY) },
  {
    job: "survey",
    due: "nothing",
    prepare: () => drain(() => runSurveyJob(db, NOW)),
    run: () => runSurveyJob(db, NOW),
  },
  { job: "survey", due: "7 days on", run: () => runSurveyJob(db, NOW + 7 * DAY) },
  {
    job: "outbox",
    due: "nothing",
    prepare: () => sqlite.prepare("UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL").run(NOW),
    run: () => sendOutbox(db, okTransport, { from: "bench@example.test" }),
  },
  { job: "outbox", due: "50 unsent", run: () => sendOutbox(db, okTransport, { from: "bench@example.test" }) },
  { job: "webhooks", due: "nothing", run: () => sendDueDeliveries(db, { send: okSender }) },
  {
    job: "webhooks",
    due: "100 pending",
    prepare: () => queueDeliveries(100),
    run: () => sendDueDeliveries(db, { send: okSender }),
  },
];

type Run = { nps: number; complaints: number; deals: number };

/** Runs a job until a run sends nothing more (the survey job's backlog at start-up), at most 20 runs. */
async function drain(run: () => Run | Promise<Run>) {
  for (let i = 0; i < 20; i++) {
    const r = await run();
    if (r.nps + r.complaints + r.deals === 0) return;
  }
}

/** Wall time of `fn` and the longest stretch it kept setImmediate callbacks from running. */
async function measure(fn: () => Promise<unknown> | unknown) {
  let done = false;
  const gaps: number[] = [];
  const ticker = (async () => {
    let last = performance.now();
    while (!done) {
      await new Promise((r) => setImmediate(r));
      const t = performance.now();
      gaps.push(t - last);
      last = t;
    }
  })();
  const t0 = performance.now();
  // Started from a tick, as a timer starts it: a synchronous job holds the loop from here to its end.
  const result = await new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        Promise.resolve(fn()).then(resolve, reject);
      } catch (error) {
        reject(error);
      }
    }),
  );
  const wall = performance.now() - t0;
  done = true;
  await ticker;
  gaps.sort((a, b) => b - a);
  return { wall, longest: gaps[0] ?? 0, over50: gaps.filter((g) => g > 50).length, result };
}

const runs = Number(values.runs);
const fmt = (ms: number) => ms.toFixed(1).padStart(8);
console.log(
  `bench/jobs.ts on ${values.db}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `${"job".padEnd(10)}${"due".padEnd(14)}${"wall ms (each run)".padEnd(30)}${"longest hold ms".padEnd(27)}holds > 50 ms   result`,
);
for (const s of scenarios) {
  if (values.only && !s.job.includes(values.only)) continue;
  const walls: number[] = [];
  const holds: number[] = [];
  let over50 = 0;
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      await s.prepare?.();
      const m = await measure(s.run);
      walls.push(m.wall);
      holds.push(m.longest);
      over50 += m.over50;
      last = m.result;
    } finally {
      sqlite.exec("ROLLBACK");
    }
  }
  console.log(
    `${s.job.padEnd(10)}${s.due.padEnd(14)}${walls.map(fmt).join("").padEnd(30)}${holds.map(fmt).join("").padEnd(27)}${String(over50).padStart(13)}   ${JSON.stringify(last)}`,
  );
}
console.log(
  `load average after: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
