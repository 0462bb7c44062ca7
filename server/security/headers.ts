// Browser defences (issue #11 §3): one place for the headers every response carries. Pages get a
// Content-Security-Policy with a fresh script nonce from proxy.ts (Next puts the nonce on its own scripts);
// everything else (API answers, static files) gets a policy that allows nothing. Styles keep 'unsafe-inline'
// because React and Recharts write style attributes; scripts never do.
import { isHttpsPublicUrl } from "./public-url";

export const HSTS = "max-age=31536000; includeSubDomains";

/** Headers for every response; HSTS only when the public URL is https (it would lock out a plain-http install). */
export function securityHeaders(https = isHttpsPublicUrl()): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const https = opts.https ?? isHttpsPublicUrl();
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonce'd Next runtime loads are trusted, 'self' alone is not enough.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For answers that are not pages: nothing may run, load or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
