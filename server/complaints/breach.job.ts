// Runs recordBreaches when the server starts and then every ten minutes, so a broken promise is recorded
// close to when it broke without anyone opening a page. One timer per process, however often register() runs.
import type { Db } from "@/db/client";
import { recordBreaches } from "./breach.queries";

const INTERVAL = 10 * 60_000;
const globalForJob = globalThis as unknown as { complaintBreachTimer?: ReturnType<typeof setInterval> };

function runOnce(db: Db): void {
  try {
    recordBreaches(db, { asOf: Date.now() });
  } catch (error) {
    // A failed run (locked database) must not take the server down; the next run tries again.
    console.error("[complaints] recordBreaches failed:", error);
  }
}

export function startBreachJob(getDb: () => Db): void {
  if (globalForJob.complaintBreachTimer) return;
  globalForJob.complaintBreachTimer = setInterval(() => runOnce(getDb()), INTERVAL);
  globalForJob.complaintBreachTimer.unref?.();
  runOnce(getDb());
}
