// Rate limits of the public complaint page, in memory (one process), per client address and per email.
// Kept per database handle: one per process in the app, a fresh set for each test's in-memory database.
import type { Db } from "@/db/client";
import { createEmailLimiter, type EmailLimiter } from "../auth/email-limiter";

const HOUR = 3_600_000;

function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export type PublicLimits = {
  /** Complaints filed from one client address. */
  submitPerIp: EmailLimiter;
  /** Complaints filed for one email address. */
  submitPerEmail: EmailLimiter;
  /** Status look-ups from one client address (guessing references). */
  lookupPerIp: EmailLimiter;
};

const limits = new WeakMap<Db, PublicLimits>();

export function publicLimitsFor(db: Db): PublicLimits {
  let l = limits.get(db);
  if (!l) {
    l = {
      submitPerIp: createEmailLimiter(envInt("COMPLAINT_MAX_PER_IP", 5), HOUR),
      submitPerEmail: createEmailLimiter(envInt("COMPLAINT_MAX_PER_EMAIL", 3), HOUR),
      lookupPerIp: createEmailLimiter(envInt("COMPLAINT_LOOKUPS_PER_IP", 30), HOUR / 6),
    };
    limits.set(db, l);
  }
  return l;
}
