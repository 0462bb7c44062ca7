import { describe, expect, it } from "vitest";
import { isPrivateAddress, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_MS, urlProblem } from "./webhooks.rules";

describe("webhook retries", () => {
  it("keep trying for more than a day, then stop", () => {
    const total = RETRY_DELAYS_MS.reduce((s, d) => s + d, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3_600_000);
    expect(total).toBe((27 * 60 + 35) * 60_000 + 5_000);
    expect(nextAttemptAt(1, 1_000)).toBe(6_000); // after the first failure: 5 s
    expect(nextAttemptAt(2, 0)).toBe(300_000);
    expect(nextAttemptAt(MAX_ATTEMPTS, 0)).toBeNull();
  });
});

describe("webhook addresses", () => {
  it("refuses loopback, private, link-local and mapped addresses, and accepts public ones", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd12:3456::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "172.32.0.1"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("takes only http(s) URLs without credentials, and no local targets unless allowed", () => {
    expect(urlProblem("https://hooks.example.com/ladder", false)).toBeNull();
    expect(urlProblem("http://93.184.216.34:8080/x", false)).toBeNull();
    expect(urlProblem("ftp://example.com/", false)).toBe("scheme");
    expect(urlProblem("file:///etc/passwd", false)).toBe("scheme");
    expect(urlProblem("not a url", false)).toBe("invalid");
    expect(urlProblem("https://user:pw@example.com/", false)).toBe("credentials");
    for (const u of [
      "http://localhost:3000/hook",
      "http://127.0.0.1/",
      "http://[::1]:8080/",
      "http://10.0.0.5/",
      "http://metadata.google.internal/",
      "http://printer.local/",
      "http://intranet/",
      "http://169.254.169.254/latest/meta-data",
    ])
      expect(urlProblem(u, false), u).toBe("private");
    expect(urlProblem("http://localhost:3000/hook", true)).toBeNull();
    expect(urlProblem("ftp://localhost/", true)).toBe("scheme");
  });
});
