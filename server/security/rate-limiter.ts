// A small in-memory rate limiter (one process): at most `max` hits per key in any `windowMs`. Used for sign-in,
// the public complaint page and any other public form (surveys): key it on the client address
// (server/security/client-address.ts) or on what is being guessed (an email, a reference).
export type LimitResult = {
  ok: boolean;
  /** When refused: milliseconds until the oldest hit leaves the window and one more is allowed. */
  retryAfterMs: number;
};

export type RateLimiter = {
  /** Counts one attempt for `key`; refused (and not counted) once `max` fall inside the window. */
  hit(key: string, now?: number): LimitResult;
  /** Would a hit now be refused? Counts nothing. */
  check(key: string, now?: number): LimitResult;
  /** Forgets every attempt for `key` (e.g. after a successful sign-in). */
  reset(key: string): void;
};

/** Keys are compared trimmed and in lower case, so " MIA@x.test" and "mia@x.test" share a count. */
function normalise(key: string): string {
  return key.trim().toLowerCase();
}

const MAX_KEYS = 10_000;

export function createRateLimiter(opts: { max: number; windowMs: number }): RateLimiter {
  const { max, windowMs } = opts;
  const attempts = new Map<string, number[]>();

  function recent(key: string, now: number): number[] {
    return (attempts.get(key) ?? []).filter((t) => t > now - windowMs);
  }
  function refused(times: number[], now: number): LimitResult {
    const oldest = times[times.length - max] ?? now;
    return { ok: false, retryAfterMs: Math.max(1, oldest + windowMs - now) };
  }
  function prune(now: number) {
    if (attempts.size <= MAX_KEYS) return;
    for (const [k, times] of attempts) if (times.every((t) => t <= now - windowMs)) attempts.delete(k);
  }

  return {
    hit(rawKey, now = Date.now()) {
      const key = normalise(rawKey);
      const times = recent(key, now);
      if (times.length >= max) {
        attempts.set(key, times);
        return refused(times, now);
      }
      times.push(now);
      attempts.set(key, times);
      prune(now);
      return { ok: true, retryAfterMs: 0 };
    },
    check(rawKey, now = Date.now()) {
      const times = recent(normalise(rawKey), now);
      return times.length >= max ? refused(times, now) : { ok: true, retryAfterMs: 0 };
    },
    reset(rawKey) {
      attempts.delete(normalise(rawKey));
    },
  };
}

/** A positive integer from the environment, else the fallback. */
export function envInt(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}
