// npm run bench:pages [-- --runs 5 --port 3205 --skip-build --no-report-cache --db FILE --only TEXT --out FILE]
// Chromium (Playwright; Debian's /usr/bin/chromium when present) against a production build (`next build`, then
// scripts/serve.ts in front of Next, as `npm start` serves it) on the 100k-account bench database (bench/bench.db, made by `npm run bench`): each main page
// as the role that uses it, one warm-up visit, then N measured visits, each in a fresh tab. Per page: time to
// first byte (Navigation Timing responseStart) and Largest Contentful Paint, median and p95; targets TTFB p95
// ≤ 200 ms and LCP ≤ 1 s. Writes bench/results/<date>-pages.json.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import Database from "better-sqlite3";
import { type Stats, summarize } from "./harness";
import { type PagePlan, pagePlans, type Samples } from "./pages-plan";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3205" },
    db: { type: "string", default: path.join("bench", "bench.db") },
    only: { type: "string" },
    out: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    // Computes every dashboard on every visit (server/report-cache.ts off): a first view after a write.
    "no-report-cache": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const port = Number(values.port);
const origin = `http://localhost:${port}`;
const dbFile = path.resolve(values.db);
const TARGETS = { ttfbP95Ms: 200, lcpMs: 1000 };

if (!existsSync(dbFile)) {
  console.error(`${dbFile} does not exist: run \`npm run bench\` first (it seeds 100k accounts).`);
  process.exit(2);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: dbFile,
  PORT: String(port),
  BETTER_AUTH_URL: origin,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789",
  AUTH_SIGNIN_MAX: "10000",
  STRICT_PREFETCH: "1",
  SEED_DEMO: "0",
  ...(values["no-report-cache"] ? { REPORT_CACHE: "off" } : {}),
};

if (!values["skip-build"]) {
  console.log("Building (next build)…");
  const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

function startServer(): Promise<ChildProcess> {
  const server = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], { env, stdio: "pipe" });
  server.stderr?.on("data", (d) => process.stderr.write(`[server] ${d}`));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = async () => {
      try {
        const res = await fetch(`${origin}/sign-in`);
        if (res.ok) return resolve(server);
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) return reject(new Error("the server did not answer within 2 minutes"));
      setTimeout(poll, 500);
    };
    server.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    poll();
  });
}

const executablePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

async function signedIn(browser: Browser, email: string | null): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: origin,
    locale: "en-US",
    viewport: { width: 1280, height: 800 },
  });
  if (email) {
    const res = await context.request.post("/api/auth/sign-in/email", {
      data: { email, password: "ladder-demo" },
      headers: { origin },
    });
    if (!res.ok()) throw new Error(`sign-in as ${email} failed: ${res.status()} ${await res.text()}`);
  }
  return context;
}

/** One visit in a fresh tab: TTFB from Navigation Timing, LCP from the buffered observer once the page settles. */
async function visit(
  context: BrowserContext,
  url: string,
): Promise<{ ttfb: number; lcp: number; status: number }> {
  const page = await context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle").catch(() => {});
    const timing = await page.evaluate(
      () =>
        new Promise<{ ttfb: number; lcp: number }>((resolve) => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          let lcp = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve({ ttfb: nav.responseStart - nav.startTime, lcp }), 250);
        }),
    );
    return { ...timing, status: response?.status() ?? 0 };
  } finally {
    await page.close();
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
const stats = (xs: number[]): Stats => {
  const s = summarize(xs);
  return {
    ...s,
    median: round(s.median),
    p95: round(s.p95),
    mean: round(s.mean),
    min: round(s.min),
    max: round(s.max),
  };
};

const sqlite = new Database(dbFile, { readonly: true });
const plans: PagePlan[] = pagePlans(sqlite).filter((p) => !values.only || p.name.includes(values.only));
const info = JSON.parse(
  (sqlite.prepare("SELECT value FROM settings WHERE key = 'demo_data'").pluck().get() as
    | string
    | undefined) ?? "{}",
) as { accounts?: number; orders?: number; seed?: number };
sqlite.close();

const server = await startServer();
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});
const rows: Array<{
  page: string;
  url: string;
  role: string;
  ttfb?: Stats;
  lcp?: Stats;
  missed?: string[];
  error?: string;
}> = [];
const loads: number[] = [];
try {
  const contexts = new Map<string | null, BrowserContext>();
  for (const plan of plans) {
    const row: (typeof rows)[number] = { page: plan.name, url: plan.url, role: plan.role };
    rows.push(row);
    try {
      let context = contexts.get(plan.email);
      if (!context) {
        context = await signedIn(browser, plan.email);
        contexts.set(plan.email, context);
      }
      const warm = await visit(context, plan.url);
      if (warm.status !== 200) throw new Error(`HTTP ${warm.status}`);
      const samples: Samples = { ttfb: [], lcp: [] };
      for (let i = 0; i < runs; i++) {
        const v = await visit(context, plan.url);
        samples.ttfb.push(v.ttfb);
        samples.lcp.push(v.lcp);
        loads.push(os.loadavg()[0] ?? 0);
      }
      row.ttfb = stats(samples.ttfb);
      row.lcp = stats(samples.lcp);
      row.missed = [
        ...(row.ttfb.p95 > TARGETS.ttfbP95Ms ? [`TTFB p95 > ${TARGETS.ttfbP95Ms} ms`] : []),
        ...(row.lcp.p95 > TARGETS.lcpMs ? [`LCP p95 > ${TARGETS.lcpMs} ms`] : []),
      ];
    } catch (error) {
      row.error = error instanceof Error ? error.message.split("\n")[0] : String(error);
    }
    process.stdout.write(".");
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
console.log("\n");
const ms = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(0));
console.table(
  rows.map((r) => ({
    page: r.page,
    role: r.role,
    "TTFB median": ms(r.ttfb?.median),
    "TTFB p95": ms(r.ttfb?.p95),
    "LCP median": ms(r.lcp?.median),
    "LCP p95": ms(r.lcp?.p95),
    result: r.error ? `ERROR ${r.error}` : r.missed?.length ? `OVER: ${r.missed.join(", ")}` : "ok",
  })),
);

const date = new Date().toISOString().slice(0, 10);
const out = values.out ?? path.join("bench", "results", `${date}-pages.json`);
mkdirSync(path.dirname(out), { recursive: true });
const loadSorted = [...loads].sort((a, b) => a - b);
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
      browser: {
        name: "chromium",
        version: browser.version(),
        executablePath: executablePath ?? "playwright",
      },
      database: { accounts: info.accounts, orders: info.orders, seed: info.seed },
      runs,
      targets: "TTFB p95 ≤ 200 ms and LCP ≤ 1 s per page (p95 of the runs)",
      loadAverage1m: {
        min: loadSorted[0],
        median: loadSorted[Math.floor(loadSorted.length / 2)],
        max: loadSorted.at(-1),
      },
      pages: rows,
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${out}`);
const over = rows.filter((r) => r.error || r.missed?.length).length;
if (over) console.log(`${over} page(s) missed a target or failed.`);
