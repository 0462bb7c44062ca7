// Runs evaluateLapse when the server starts and then every hour, so accounts lapse on time without anyone
// opening a page. One timer per process, however often register() runs.
import type { Db } from "@/db/client";
import { evaluateLapse } from "./lapse.queries";

const HOUR = 3_600_000;
const globalForJob = globalThis as unknown as { ladderLapseTimer?: ReturnType<typeof setInterval> };

function runOnce(db: Db): void {
  try {
    evaluateLapse(db, { asOf: Date.now() });
  } catch (error) {
    console.error("[lapse] evaluateLapse failed:", error);
  }
}

export function startLapseJob(getDb: () => Db): void {
  if (globalForJob.ladderLapseTimer) return;
  globalForJob.ladderLapseTimer = setInterval(() => runOnce(getDb()), HOUR);
  globalForJob.ladderLapseTimer.unref?.();
  runOnce(getDb());
}
