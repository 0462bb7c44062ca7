// Runs ensureCadenceTasks when the server starts and then every hour, so cadence tasks appear without anyone
// opening a page. One timer per process, however often register() runs (dev reloads, tests).
import type { Db } from "@/db/client";
import { ensureCadenceTasks } from "./cadence.queries";

const HOUR = 3_600_000;
const globalForJob = globalThis as unknown as { ladderCadenceTimer?: ReturnType<typeof setInterval> };

function runOnce(db: Db): void {
  try {
    ensureCadenceTasks(db, { asOf: Date.now() });
  } catch (error) {
    // A failed run (locked database, bad row) must not take the server down; the next hour tries again.
    console.error("[cadence] ensureCadenceTasks failed:", error);
  }
}

export function startCadenceJob(getDb: () => Db): void {
  if (globalForJob.ladderCadenceTimer) return;
  globalForJob.ladderCadenceTimer = setInterval(() => runOnce(getDb()), HOUR);
  globalForJob.ladderCadenceTimer.unref?.();
  runOnce(getDb());
}
