// Sends due surveys when the server starts and then every ten minutes (the relationship schedule, CSAT after
// closed complaints and won deals). The outbox job mails them when SMTP_URL is set. One timer per process.
import type { Db } from "@/db/client";
import { sendDueSurveys } from "./survey-schedule.queries";

const INTERVAL = 10 * 60_000;
const globalForJob = globalThis as unknown as { surveyTimer?: ReturnType<typeof setInterval> };

function runOnce(db: Db): void {
  try {
    sendDueSurveys(db, { now: Date.now() });
  } catch (error) {
    // A failed run (a locked database) must not take the server down; the next run tries again.
    console.error("[surveys] sendDueSurveys failed:", error);
  }
}

export function startSurveyJob(getDb: () => Db): void {
  if (globalForJob.surveyTimer) return;
  globalForJob.surveyTimer = setInterval(() => runOnce(getDb()), INTERVAL);
  globalForJob.surveyTimer.unref?.();
  runOnce(getDb());
}
