// The app's public origin (BETTER_AUTH_URL) and the origins allowed to send it writes. Read per call so tests
// and scripts can set the environment first.
export function publicUrl(): string {
  return (process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(
    /\/+$/,
    "",
  );
}

/** https public URL: cookies are Secure and responses carry HSTS. */
export function isHttpsPublicUrl(): boolean {
  return publicUrl().startsWith("https://");
}

/** The public origin, its localhost/127.0.0.1 twin (same port), and TRUSTED_ORIGINS (comma-separated). */
export function trustedOrigins(): string[] {
  const base = new URL(publicUrl());
  const origins = [base.origin];
  if (base.hostname === "localhost" || base.hostname === "127.0.0.1") {
    const twin = base.hostname === "localhost" ? "127.0.0.1" : "localhost";
    origins.push(`${base.protocol}//${twin}${base.port ? `:${base.port}` : ""}`);
  }
  for (const extra of (process.env.TRUSTED_ORIGINS ?? "").split(",")) {
    const value = extra.trim();
    if (!value) continue;
    try {
      origins.push(new URL(value).origin);
    } catch {
      // A malformed entry is ignored rather than trusted.
    }
  }
  return [...new Set(origins)];
}

export function isTrustedOrigin(origin: string | null | undefined): boolean {
  return !!origin && trustedOrigins().includes(origin);
}
