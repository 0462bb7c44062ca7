#!/usr/bin/env node
// `npm start`: make a demo secret if none is configured, migrate and seed the database when empty,
// build when there is no build or the sources changed since it (SKIP_BUILD=1 never builds, FORCE_BUILD=1
// always does), then serve on http://localhost:$PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildNeeded, writeStamp } from "./build-stamp.mjs";

const ENV_FILE = ".env.local";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
env.PORT ??= "3000";

if (!env.BETTER_AUTH_SECRET) {
  const existing = existsSync(ENV_FILE) ? readFileSync(ENV_FILE, "utf8") : "";
  const match = existing.match(/^BETTER_AUTH_SECRET=(.+)$/m);
  if (match) {
    env.BETTER_AUTH_SECRET = match[1];
  } else {
    env.BETTER_AUTH_SECRET = randomBytes(32).toString("hex");
    writeFileSync(
      ENV_FILE,
      `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}BETTER_AUTH_SECRET=${env.BETTER_AUTH_SECRET}\n`,
    );
    console.log(`Created a demo secret in ${ENV_FILE} (git-ignored).`);
  }
}
env.BETTER_AUTH_URL ??= `http://localhost:${env.PORT}`;

function run(cmd, args) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("node_modules/.bin/tsx", ["db/migrate.ts"]);
if (env.SKIP_BUILD !== "1") {
  const reason = env.FORCE_BUILD === "1" ? "FORCE_BUILD=1" : buildNeeded();
  if (reason) {
    console.log(`Building (${reason})…`);
    run("node_modules/.bin/next", ["build"]);
    writeStamp();
  } else {
    console.log("The last build matches the sources: not building (FORCE_BUILD=1 to build anyway).");
  }
}

const { DEMO_PASSWORD, DEMO_USERS } = await import("./demo-users.mjs");
const { default: Database } = await import("better-sqlite3");
// The demo sign-ins only where the demo company exists (a company started with SEED_DEMO=0 has none of them).
const db = new Database(env.DATABASE_PATH ?? path.join(process.cwd(), "data", "ladder.db"), {
  readonly: true,
});
const demoAdmin = DEMO_USERS.find((u) => u.role === "admin");
const hasDemo = !!db.prepare("SELECT 1 FROM users WHERE email = ? AND active = 1").get(demoAdmin?.email);
const hasUsers = !!db.prepare("SELECT 1 FROM users LIMIT 1").get();
db.close();
console.log(`\nLadder CRM on ${env.BETTER_AUTH_URL}`);
if (hasDemo) {
  console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(16)} ${u.email}`);
} else if (!hasUsers) {
  console.log(
    `No users yet: open ${env.BETTER_AUTH_URL}/setup to create the first admin, or run npm run user:create.`,
  );
}
console.log("");

// Not `next start`: scripts/serve.ts puts the client address, size limits and security headers in front of Next.
const server = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
  stdio: "inherit",
  env: { ...env, NODE_ENV: "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
