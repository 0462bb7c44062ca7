// Single use (issue #11 §2): a signed form token, a link, anything that must work once. In memory (one
// process), each entry kept until its own expiry so the set stays as small as the tokens still valid.
export type OnceRegistry = {
  /** True the first time `key` is claimed before `expiresAt`; false every later time. */
  claim(key: string, expiresAt: number, now?: number): boolean;
  /** Gives a claim back (the work it guarded failed, so the token may be used again). */
  release(key: string): void;
};

export function createOnceRegistry(): OnceRegistry {
  const used = new Map<string, number>();
  let nextSweep = 0;
  return {
    claim(key, expiresAt, now = Date.now()) {
      if (now >= nextSweep) {
        for (const [k, until] of used) if (until <= now) used.delete(k);
        nextSweep = now + 60_000;
      }
      const until = used.get(key);
      if (until !== undefined && until > now) return false;
      used.set(key, expiresAt);
      return true;
    },
    release(key) {
      used.delete(key);
    },
  };
}
