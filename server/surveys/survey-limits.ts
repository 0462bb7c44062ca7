// Rate limit of the public survey page's answers, in memory (one process), per client address, as the public
// complaint page's. Kept per database handle: one per process in the app, a fresh one for each test database.
import type { Db } from "@/db/client";
import { createEmailLimiter, type EmailLimiter } from "../auth/email-limiter";

const HOUR = 3_600_000;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export type SurveyLimits = { answersPerIp: EmailLimiter };

const limits = new WeakMap<Db, SurveyLimits>();

export function surveyLimitsFor(db: Db): SurveyLimits {
  let l = limits.get(db);
  if (!l) {
    l = { answersPerIp: createEmailLimiter(envInt("SURVEY_ANSWERS_PER_IP", 20), HOUR) };
    limits.set(db, l);
  }
  return l;
}
