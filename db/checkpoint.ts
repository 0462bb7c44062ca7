// Checkpoints off the request thread. In WAL mode a commit appends the pages it changed to the -wal file, and
// by default the connection that commits past 1,000 WAL pages then copies them into the database file and
// syncs it (an automatic checkpoint) before its statement returns. On the server that copy ran inside the
// request that happened to cross the line: a 1,000-order API batch changes ~10,000 scattered pages (accounts,
// their indexes, orders, rollups), so every batch paid for a checkpoint of its own pages — about as long again
// as the write — and one single-order request in ~30 paid for the others' (bench/api.ts, issue #15 §4).
// So the server's connection checkpoints only as a safety net (SAFETY_NET_PAGES), and a worker thread with its
// own connection runs PASSIVE checkpoints (they never wait for or block readers and writers) every
// INTERVAL_MS.
import { Worker } from "node:worker_threads";
import type { Db } from "./client";

/** The server's own automatic checkpoint, if the worker ever falls behind: 20,000 pages (~80 MB of WAL). */
export const SAFETY_NET_PAGES = 20_000;
const INTERVAL_MS = 500;

// Plain JavaScript evaluated in the worker (no loader, no bundling), better-sqlite3 resolved from the app's
// directory. A checkpoint that meets a busy database (another checkpoint, a backup) is simply tried next time.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("busy_timeout = 0");
const checkpoint = () => {
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => { clearInterval(timer); checkpoint(); db.close(); process.exit(0); });
`;

export type Checkpointer = { stop: () => Promise<void> };

/**
 * Starts checkpointing `db`'s file on a worker thread and raises the connection's own automatic checkpoint to
 * SAFETY_NET_PAGES. In-memory databases are left as they are.
 */
export function startCheckpointer(db: Db, options: { intervalMs?: number } = {}): Checkpointer | null {
  const sqlite = db.$client;
  if (sqlite.memory || !sqlite.name) return null;
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file: sqlite.name, intervalMs: options.intervalMs ?? INTERVAL_MS },
  });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  let exited = false;
  worker.once("exit", () => {
    exited = true;
  });
  // A worker that fails gives the checkpoints back to the connection; it does not stop the server.
  worker.on("error", (error) => {
    console.error("[checkpoint] worker stopped:", error.message);
    if (sqlite.open) sqlite.pragma("wal_autocheckpoint = 1000");
  });
  return {
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        worker.once("exit", () => resolve());
        // Referenced again: an unreferenced worker does not keep the process alive until its last checkpoint
        // (bench:api --server handler exited here, before writing its results).
        worker.ref();
        worker.postMessage("stop");
      }),
  };
}
