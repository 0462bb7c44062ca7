import { describe, expect, it } from "vitest";
import { addressConfigFromEnv, resolveClientAddress } from "./resolve-address";

const direct = addressConfigFromEnv({});

describe("the client address", () => {
  it("is the connection's own by default: a forwarded header the client sends changes nothing", () => {
    expect(resolveClientAddress("203.0.113.5", { "x-forwarded-for": "1.2.3.4" }, direct)).toBe("203.0.113.5");
    expect(resolveClientAddress("203.0.113.5", {}, direct)).toBe("203.0.113.5");
    // IPv4 seen through an IPv6 socket is the same client.
    expect(resolveClientAddress("::ffff:203.0.113.5", {}, direct)).toBe("203.0.113.5");
    expect(resolveClientAddress("2001:db8::1", {}, direct)).toBe("2001:db8::1");
  });

  it("behind a trusted proxy, is the entry the proxy appended (the rightmost untrusted), not the client's own", () => {
    const behindProxy = addressConfigFromEnv({ TRUSTED_PROXIES: "127.0.0.1" });
    // The client wrote 6.6.6.6 itself; the proxy appended the address it saw.
    expect(
      resolveClientAddress("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.9" }, behindProxy),
    ).toBe("198.51.100.9");
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "198.51.100.9" }, behindProxy)).toBe(
      "198.51.100.9",
    );
  });

  it("skips every trusted hop, ranges included", () => {
    const twoProxies = addressConfigFromEnv({ TRUSTED_PROXIES: "10.0.0.0/8, loopback" });
    expect(
      resolveClientAddress("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.1.2.3" }, twoProxies),
    ).toBe("198.51.100.9");
  });

  it("ignores the header on a connection that does not come from the trusted proxy", () => {
    const behindProxy = addressConfigFromEnv({ TRUSTED_PROXIES: "127.0.0.1" });
    expect(resolveClientAddress("203.0.113.7", { "x-forwarded-for": "1.2.3.4" }, behindProxy)).toBe(
      "203.0.113.7",
    );
  });

  it("reads a single-address header the proxy sets when AUTH_IP_HEADER names it, and never a bad value", () => {
    const realIp = addressConfigFromEnv({ TRUSTED_PROXIES: "127.0.0.1", AUTH_IP_HEADER: "X-Real-IP" });
    expect(resolveClientAddress("127.0.0.1", { "x-real-ip": "198.51.100.4" }, realIp)).toBe("198.51.100.4");
    expect(resolveClientAddress("127.0.0.1", { "x-real-ip": "not-an-address" }, realIp)).toBe("127.0.0.1");
    // The client's own x-forwarded-for is not read when the proxy's header is another.
    expect(resolveClientAddress("127.0.0.1", { "x-forwarded-for": "1.2.3.4" }, realIp)).toBe("127.0.0.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry loudly rather than trusting everything", () => {
    expect(() => addressConfigFromEnv({ TRUSTED_PROXIES: "everyone" })).toThrow();
  });
});
