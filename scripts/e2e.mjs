#!/usr/bin/env node
// `npm run test:e2e`: a fresh temp database with the demo seed, a production build, then Playwright against
// `next start` (started by playwright.config.ts). Set E2E_SKIP_BUILD=1 to reuse an existing build.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(tmpdir(), `ladder-e2e-${process.pid}.db`);
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_PATH: dbFile,
  E2E_PORT: port,
  PORT: port,
  BETTER_AUTH_URL: `http://localhost:${port}`,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
  // The suite signs in many times from one address; the limiter itself is covered by unit tests.
  AUTH_SIGNIN_MAX: "10000",
  // Likewise the public complaint page's per-address limits (covered by server/complaints unit tests).
  COMPLAINT_MAX_PER_IP: "10000",
  COMPLAINT_LOOKUPS_PER_IP: "10000",
  // A server prefetch that fails throws instead of letting the page load its data late (app/_trpc/server.tsx).
  STRICT_PREFETCH: "1",
  SEED_ACCOUNTS: process.env.SEED_ACCOUNTS ?? "120",
};

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

function cleanup() {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}

let status = run("node_modules/.bin/tsx", ["db/migrate.ts"]);
if (status === 0 && env.E2E_SKIP_BUILD !== "1") status = run("node_modules/.bin/next", ["build"]);
if (status === 0) status = run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)]);
cleanup();
process.exit(status);
