// Lapses due accounts when the server starts and then every hour, so accounts lapse on time without anyone
// opening a page; a slice at a time (server/jobs/background-job.ts).
import type { Db } from "@/db/client";
import { startBackgroundJob } from "../jobs/background-job";
import { lapseDueAccounts } from "./lapse.queries";

const HOUR = 3_600_000;

/** One run of the job as of `now`. */
export function runLapseJob(db: Db, now: number) {
  return lapseDueAccounts(db, { asOf: now });
}

export function startLapseJob(getDb: () => Db): void {
  startBackgroundJob("lapse", HOUR, () => runLapseJob(getDb(), Date.now()));
}
