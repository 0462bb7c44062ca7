import { describe, expect, it } from "vitest";
import { createSignInGuard, signInGuardOptionsFromEnv } from "./sign-in-guard";

const MINUTE = 60_000;
const options = { lockoutFailures: 5, lockoutMs: 15 * MINUTE, addressMax: 50, addressWindowMs: 15 * MINUTE };

describe("sign-in guard", () => {
  it("with the default limits, lets an office of 50 people behind one address sign in at 9:00, each after one typo", () => {
    const guard = createSignInGuard(signInGuardOptionsFromEnv());
    const office = "198.51.100.7";
    const nine = Date.UTC(2026, 2, 2, 9, 0, 0);
    for (let i = 0; i < 50; i += 1) {
      const email = `person${i}@ladder.test`;
      const at = nine + i * 1000;
      expect(guard.check(email, office, at)).toEqual({ ok: true });
      guard.failed(email, office, at);
      // The retry with the right password is allowed, then succeeds.
      expect(guard.check(email, office, at + 500)).toEqual({ ok: true });
      guard.succeeded(email);
    }
    // And there is room left for a late-comer's typo.
    expect(guard.check("late@ladder.test", office, nine + 60_000)).toEqual({ ok: true });
  });

  it("locks an email after 5 failures in a row for 15 minutes from the fifth, then starts afresh", () => {
    const guard = createSignInGuard(options);
    for (let i = 0; i < 5; i += 1) guard.failed("mia@ladder.test", `203.0.113.${i}`, i * 1000);
    expect(guard.check("MIA@ladder.test", "192.0.2.1", 5000)).toEqual({
      ok: false,
      reason: "locked",
      retryAt: 4000 + 15 * MINUTE,
    });
    expect(guard.check("mia@ladder.test", null, 4000 + 15 * MINUTE)).toEqual({ ok: true });
    // After the lock, one more failure does not lock again at once.
    guard.failed("mia@ladder.test", null, 4000 + 15 * MINUTE);
    expect(guard.check("mia@ladder.test", null, 4001 + 15 * MINUTE)).toEqual({ ok: true });
  });

  it("a success (or a password reset) clears the failures", () => {
    const guard = createSignInGuard(options);
    for (let i = 0; i < 4; i += 1) guard.failed("mia@ladder.test", null, i);
    guard.succeeded("mia@ladder.test");
    for (let i = 0; i < 4; i += 1) guard.failed("mia@ladder.test", null, 10 + i);
    expect(guard.check("mia@ladder.test", null, 20)).toEqual({ ok: true });
  });

  it("refuses an address after 50 failures in 15 minutes, whichever emails they were for", () => {
    const guard = createSignInGuard(options);
    for (let i = 0; i < 50; i += 1) guard.failed(`guess${i}@ladder.test`, "192.0.2.9", i * 1000);
    expect(guard.check("new@ladder.test", "192.0.2.9", 60_000)).toEqual({
      ok: false,
      reason: "address",
      retryAt: 15 * MINUTE,
    });
    expect(guard.check("new@ladder.test", "192.0.2.10", 60_000)).toEqual({ ok: true });
  });
});
