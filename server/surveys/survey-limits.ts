// Rate limit of the public survey page's answers, in memory (one process), per client address, as the public
// complaint page's. Kept per database handle: one per process in the app, a fresh one for each test database.
import type { Db } from "@/db/client";
import { createRateLimiter, envInt, type RateLimiter } from "../security/rate-limiter";

const HOUR = 3_600_000;

export type SurveyLimits = { answersPerIp: RateLimiter };

const limits = new WeakMap<Db, SurveyLimits>();

export function surveyLimitsFor(db: Db): SurveyLimits {
  let l = limits.get(db);
  if (!l) {
    l = { answersPerIp: createRateLimiter({ max: envInt("SURVEY_ANSWERS_PER_IP", 20), windowMs: HOUR }) };
    limits.set(db, l);
  }
  return l;
}
