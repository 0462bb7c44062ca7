// Sign-in attempts per email address, in memory. The per-address limit of better-auth keys on a request
// header that a client can forge when no proxy overwrites it; this one keys on the account being guessed.
export type EmailLimiter = { hit(email: string, now?: number): boolean };

/** Allows `max` attempts per email per `windowMs`; `hit` returns false once the email is over its limit. */
export function createEmailLimiter(max: number, windowMs: number): EmailLimiter {
  const attempts = new Map<string, number[]>();
  return {
    hit(email, now = Date.now()) {
      const key = email.trim().toLowerCase();
      const recent = (attempts.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= max) {
        attempts.set(key, recent);
        return false;
      }
      recent.push(now);
      attempts.set(key, recent);
      if (attempts.size > 10_000) {
        for (const [k, times] of attempts) if (times.every((t) => t <= now - windowMs)) attempts.delete(k);
      }
      return true;
    },
  };
}
