import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter";

describe("rate limiter", () => {
  it("allows max attempts in a window, then refuses until the window has passed, saying how long to wait", () => {
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000 });
    expect([0, 1, 2].map((s) => limiter.hit("mia@ladder.test", s * 1000).ok)).toEqual([true, true, true]);
    // The first attempt (at 0 s) leaves the window at 60 s: 50 s to wait at 10 s.
    expect(limiter.hit("mia@ladder.test", 10_000)).toEqual({ ok: false, retryAfterMs: 50_000 });
    // Case and spaces do not make a new key.
    expect(limiter.hit(" MIA@ladder.test", 20_000).ok).toBe(false);
    // Another key has its own count.
    expect(limiter.hit("sam@ladder.test", 20_000).ok).toBe(true);
    // 60 s after the first attempt, one slot is free again.
    expect(limiter.hit("mia@ladder.test", 60_001).ok).toBe(true);
    expect(limiter.hit("mia@ladder.test", 60_002).ok).toBe(false);
  });

  it("check counts nothing, and reset forgets a key", () => {
    const limiter = createRateLimiter({ max: 1, windowMs: 1000 });
    expect(limiter.check("a", 0).ok).toBe(true);
    expect(limiter.check("a", 0).ok).toBe(true);
    expect(limiter.hit("a", 0).ok).toBe(true);
    expect(limiter.check("a", 10)).toEqual({ ok: false, retryAfterMs: 990 });
    limiter.reset("A");
    expect(limiter.hit("a", 20).ok).toBe(true);
  });
});
