// Next's proxy (formerly middleware): a fresh CSP nonce for every page and the security headers
// (server/security/headers.ts). Next reads the nonce from the request's Content-Security-Policy header and puts
// it on its own scripts, so pages are rendered per request. API routes and static files are left out: the
// server in front (scripts/serve.ts) gives them their headers, and the proxy would buffer their bodies.
import { type NextRequest, NextResponse } from "next/server";
import { pageCsp, securityHeaders } from "@/server/security/headers";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders())) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static/|_next/image).*)"],
};
