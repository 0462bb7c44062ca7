#!/usr/bin/env node
// `npm run test:e2e`: a fresh temp database with the demo seed, a production build, then Playwright against
// scripts/serve.ts (started by playwright.config.ts, with the environment made here: scripts/e2e-server.mjs).
// Set E2E_SKIP_BUILD=1 to reuse an existing build.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { e2eEnv, migrate, removeDatabase } from "./e2e-server.mjs";

const port = process.env.E2E_PORT ?? "3100";
const dbFile = path.join(tmpdir(), `ladder-e2e-${process.pid}.db`);
const env = e2eEnv({ port, dbFile });

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  return result.status ?? 1;
}

let status = migrate(env);
if (status === 0 && env.E2E_SKIP_BUILD !== "1") status = run("node_modules/.bin/next", ["build"]);
if (status === 0) status = run("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)]);
removeDatabase(dbFile);
process.exit(status);
