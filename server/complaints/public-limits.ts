// Rate limits of the public complaint page, in memory (one process), per client address and per email.
// Kept per database handle: one per process in the app, a fresh set for each test's in-memory database.
import type { Db } from "@/db/client";
import { createOnceRegistry, type OnceRegistry } from "../security/once";
import { createRateLimiter, envInt, type RateLimiter } from "../security/rate-limiter";

const HOUR = 3_600_000;

export type PublicLimits = {
  /** Complaints filed from one client address. */
  submitPerIp: RateLimiter;
  /** Complaints filed for one email address. */
  submitPerEmail: RateLimiter;
  /** Status look-ups from one client address (guessing references). */
  lookupPerIp: RateLimiter;
  /** Form tokens already used: each form sends one complaint. */
  usedTokens: OnceRegistry;
};

const limits = new WeakMap<Db, PublicLimits>();

export function publicLimitsFor(db: Db): PublicLimits {
  let l = limits.get(db);
  if (!l) {
    l = {
      submitPerIp: createRateLimiter({ max: envInt("COMPLAINT_MAX_PER_IP", 5), windowMs: HOUR }),
      submitPerEmail: createRateLimiter({ max: envInt("COMPLAINT_MAX_PER_EMAIL", 3), windowMs: HOUR }),
      lookupPerIp: createRateLimiter({ max: envInt("COMPLAINT_LOOKUPS_PER_IP", 30), windowMs: HOUR / 6 }),
      usedTokens: createOnceRegistry(),
    };
    limits.set(db, l);
  }
  return l;
}
