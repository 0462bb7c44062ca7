// Sign-in protection, in memory (one process), decided before the password is checked:
// - per email: after AUTH_LOCKOUT_FAILURES failed sign-ins in a row the email is locked for AUTH_LOCKOUT_MINUTES;
//   the answer says until when, a successful sign-in or password reset clears the count. Unknown emails are
//   treated the same, so the answer never tells whether an account exists.
// - per client address: at most AUTH_SIGNIN_MAX (100) failed sign-ins per AUTH_SIGNIN_WINDOW_SECONDS (900). Only failures
//   count, so an office of 50 people behind one address signing in at 9:00 (typos included) is never refused.
import { createRateLimiter, envInt } from "../security/rate-limiter";

export type GuardRefusal = { ok: false; reason: "locked" | "address"; retryAt: number };
export type GuardResult = { ok: true } | GuardRefusal;

export type SignInGuard = {
  check(email: string, address: string | null, now?: number): GuardResult;
  failed(email: string, address: string | null, now?: number): void;
  succeeded(email: string): void;
};

export type SignInGuardOptions = {
  lockoutFailures: number;
  lockoutMs: number;
  addressMax: number;
  addressWindowMs: number;
};

export function signInGuardOptionsFromEnv(): SignInGuardOptions {
  return {
    lockoutFailures: envInt("AUTH_LOCKOUT_FAILURES", 5),
    lockoutMs: envInt("AUTH_LOCKOUT_MINUTES", 15) * 60_000,
    addressMax: envInt("AUTH_SIGNIN_MAX", 100),
    addressWindowMs: envInt("AUTH_SIGNIN_WINDOW_SECONDS", 900) * 1000,
  };
}

type EmailState = { failures: number; lockedUntil: number; lastFailure: number };

const MAX_EMAILS = 10_000;

export function createSignInGuard(opts: SignInGuardOptions = signInGuardOptionsFromEnv()): SignInGuard {
  const emails = new Map<string, EmailState>();
  const perAddress = createRateLimiter({ max: opts.addressMax, windowMs: opts.addressWindowMs });
  const key = (email: string) => email.trim().toLowerCase();

  function prune(now: number) {
    if (emails.size <= MAX_EMAILS) return;
    for (const [k, s] of emails) {
      if (s.lockedUntil <= now && s.lastFailure < now - opts.lockoutMs) emails.delete(k);
    }
  }

  return {
    check(email, address, now = Date.now()) {
      const state = emails.get(key(email));
      if (state && state.lockedUntil > now)
        return { ok: false, reason: "locked", retryAt: state.lockedUntil };
      if (address) {
        const byAddress = perAddress.check(address, now);
        if (!byAddress.ok) return { ok: false, reason: "address", retryAt: now + byAddress.retryAfterMs };
      }
      return { ok: true };
    },
    failed(email, address, now = Date.now()) {
      if (address) perAddress.hit(address, now);
      const k = key(email);
      const state = emails.get(k) ?? { failures: 0, lockedUntil: 0, lastFailure: 0 };
      // A lock that has run out starts a fresh count.
      if (state.lockedUntil && state.lockedUntil <= now) {
        state.failures = 0;
        state.lockedUntil = 0;
      }
      state.failures += 1;
      state.lastFailure = now;
      if (state.failures >= opts.lockoutFailures) {
        state.lockedUntil = now + opts.lockoutMs;
        state.failures = 0;
      }
      emails.set(k, state);
      prune(now);
    },
    succeeded(email) {
      emails.delete(key(email));
    },
  };
}
