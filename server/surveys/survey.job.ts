// Sends due surveys when the server starts and then every ten minutes (the relationship schedule, CSAT after
// closed complaints and won deals), a slice at a time (server/jobs/background-job.ts). The outbox job mails them
// when SMTP_URL is set.
import type { Db } from "@/db/client";
import { startBackgroundJob } from "../jobs/background-job";
import { sendDueSurveysInSlices } from "./survey-schedule.queries";

const INTERVAL = 10 * 60_000;

/** One run of the job as of `now`. */
export function runSurveyJob(db: Db, now: number) {
  return sendDueSurveysInSlices(db, { now });
}

export function startSurveyJob(getDb: () => Db): void {
  startBackgroundJob("surveys", INTERVAL, () => runSurveyJob(getDb(), Date.now()));
}
