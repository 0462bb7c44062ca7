import { afterEach, describe, expect, it } from "vitest";
import { createAuth } from "../auth/auth";
import { createTestDb } from "../test/harness";
import { createUserWithPassword } from "../users/create-user";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { API_CSP, HSTS, pageCsp, securityHeaders } from "./headers";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("security headers", () => {
  it("a page's policy allows scripts only by nonce, never inline, and nobody may frame it", () => {
    const csp = pageCsp("abc123", { https: false });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src")) ?? "";
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true })).toContain("upgrade-insecure-requests");
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("every response: no framing, no sniffing, referrer kept to the origin; HSTS only with an https public URL", () => {
    expect(securityHeaders(false)).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(securityHeaders(false)["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(true)["Strict-Transport-Security"]).toBe(HSTS);
    process.env.BETTER_AUTH_URL = "https://crm.example.com";
    expect(securityHeaders()["Strict-Transport-Security"]).toBe(HSTS);
  });

  it("with an https public URL the session cookie is Secure (and __Secure- prefixed)", async () => {
    process.env.BETTER_AUTH_URL = "https://crm.example.com";
    process.env.BETTER_AUTH_SECRET = "test-only-secret-0123456789abcdef0123456789";
    const db = createTestDb();
    await createUserWithPassword(db, {
      name: "Mia",
      email: "mia@ladder.test",
      role: "account_manager",
      password: "mias-password-1",
    });
    const response = await createAuth(db).handler(
      new Request("https://crm.example.com/api/auth/sign-in/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://crm.example.com",
          [CLIENT_ADDRESS_HEADER]: "192.0.2.77",
        },
        body: JSON.stringify({ email: "mia@ladder.test", password: "mias-password-1" }),
      }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Secure-better-auth\.session_token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });
});
