// Creates due cadence tasks when the server starts and then every hour, so they appear without anyone opening a
// page; a slice at a time (server/jobs/background-job.ts).
import type { Db } from "@/db/client";
import { startBackgroundJob } from "../jobs/background-job";
import { ensureCadenceTasksInSlices } from "./cadence.queries";

const HOUR = 3_600_000;

/** One run of the job as of `now`. */
export function runCadenceJob(db: Db, now: number) {
  return ensureCadenceTasksInSlices(db, { asOf: now });
}

export function startCadenceJob(getDb: () => Db): void {
  startBackgroundJob("cadence", HOUR, () => runCadenceJob(getDb(), Date.now()));
}
