// Records broken promises when the server starts and then every ten minutes, so a breach is recorded close to
// when it happened without anyone opening a page; a slice at a time (server/jobs/background-job.ts).
import type { Db } from "@/db/client";
import { startBackgroundJob } from "../jobs/background-job";
import { recordBreachesInSlices } from "./breach.queries";

const INTERVAL = 10 * 60_000;

/** One run of the job as of `now`. */
export function runBreachJob(db: Db, now: number) {
  return recordBreachesInSlices(db, { asOf: now });
}

export function startBreachJob(getDb: () => Db): void {
  startBackgroundJob("complaints breach", INTERVAL, () => runBreachJob(getDb(), Date.now()));
}
