// The e2e server's set-up, shared by `npm run test:e2e` (scripts/e2e.mjs, whose server playwright.config.ts
// starts) and the specs that need a server of their own (e2e/setup.spec.ts: an empty database for /setup):
// the environment, the migration of a temp database, and scripts/serve.ts in front of the built Next app.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";

/** The environment of an e2e server on `port` over the database file `dbFile` (the demo seed unless SEED_DEMO=0). */
export function e2eEnv({ port, dbFile, base = process.env, extra = {} }) {
  const portText = String(port);
  return {
    ...base,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_PATH: dbFile,
    E2E_PORT: portText,
    PORT: portText,
    BETTER_AUTH_URL: `http://localhost:${portText}`,
    BETTER_AUTH_SECRET: base.BETTER_AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    // The suite signs in many times from one address; the limiter itself is covered by unit tests.
    AUTH_SIGNIN_MAX: "10000",
    // Likewise the public complaint page's per-address limits (covered by server/complaints unit tests).
    COMPLAINT_MAX_PER_IP: "10000",
    COMPLAINT_LOOKUPS_PER_IP: "10000",
    // A server prefetch that fails throws instead of letting the page load its data late (app/_trpc/server.tsx).
    STRICT_PREFETCH: "1",
    SEED_ACCOUNTS: base.SEED_ACCOUNTS ?? "120",
    ...extra,
  };
}

/** Migrates (and, unless SEED_DEMO=0, seeds) the database of `env`; returns the exit status. */
export function migrate(env, stdio = "inherit") {
  return spawnSync("node_modules/.bin/tsx", ["db/migrate.ts"], { stdio, env }).status ?? 1;
}

/** Deletes a SQLite database file and its -wal and -shm companions. */
export function removeDatabase(dbFile) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(dbFile + suffix, { force: true });
}

/**
 * Starts scripts/serve.ts (as `npm start` serves the built app) with `env` and resolves once /sign-in answers.
 * The server runs in its own process group, so stop() ends it and the Node process tsx starts under it.
 */
export function startServer(env, { timeoutMs = 120_000 } = {}) {
  const origin = `http://localhost:${env.PORT}`;
  const server = spawn("node_modules/.bin/tsx", ["scripts/serve.ts"], {
    env,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const exited = new Promise((resolve) => server.once("exit", resolve));
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  };
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    let done = false;
    server.once("exit", (code) => {
      if (done) return;
      done = true;
      reject(new Error(`the server on ${origin} exited with ${code}: ${stderr}`));
    });
    const poll = async () => {
      if (done) return;
      try {
        const res = await fetch(`${origin}/sign-in`);
        if (res.ok) {
          done = true;
          return resolve({ origin, stop });
        }
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        done = true;
        await stop();
        return reject(new Error(`the server on ${origin} did not answer within ${timeoutMs} ms: ${stderr}`));
      }
      setTimeout(poll, 500);
    };
    void poll();
  });
}
