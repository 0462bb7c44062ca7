import { describe, expect, it } from "vitest";
import { createEmailLimiter } from "./email-limiter";

describe("sign-in attempts per email", () => {
  it("allows max attempts in a window, then refuses until the window has passed", () => {
    const limiter = createEmailLimiter(3, 60_000);
    expect([0, 1, 2].map((s) => limiter.hit("mia@ladder.test", s * 1000))).toEqual([true, true, true]);
    expect(limiter.hit("mia@ladder.test", 10_000)).toBe(false);
    // Case and spaces do not make a new address.
    expect(limiter.hit(" MIA@ladder.test", 20_000)).toBe(false);
    // Another address has its own count.
    expect(limiter.hit("sam@ladder.test", 20_000)).toBe(true);
    // 60 s after the first attempt, one slot is free again.
    expect(limiter.hit("mia@ladder.test", 60_001)).toBe(true);
    expect(limiter.hit("mia@ladder.test", 60_002)).toBe(false);
  });
});
