// Input that never reaches the code (issue #11 §4): request bodies and URLs above these sizes are refused by the
// HTTP server in front of Next (scripts/serve.ts) before anything reads them. One row per route prefix, longest
// first wins; a route that takes files (the order upload) gets its own row.
export const MB = 1024 * 1024;

export type BodyLimit = { prefix: string; maxBytes: number };

/** Body limits by path prefix; anything not listed gets DEFAULT_BODY_LIMIT. */
export const BODY_LIMITS: readonly BodyLimit[] = [
  { prefix: "/api/auth/", maxBytes: 64 * 1024 },
  { prefix: "/api/trpc/", maxBytes: 1 * MB },
  { prefix: "/api/v1/", maxBytes: 1 * MB },
  // The import upload: a CSV of up to 20 MB in its form (server/imports/import-upload.ts checks it exactly).
  { prefix: "/api/import/", maxBytes: 21 * MB },
];

export const DEFAULT_BODY_LIMIT = 1 * MB;
/** Longer request targets get 414; longer header sections (which Node counts the URL into) get 431. */
export const MAX_URL_LENGTH = 8 * 1024;
export const MAX_HEADER_BYTES = 32 * 1024;

export function bodyLimitFor(pathname: string, limits: readonly BodyLimit[] = BODY_LIMITS): number {
  let best: BodyLimit | null = null;
  for (const limit of limits) {
    if (pathname.startsWith(limit.prefix) && (!best || limit.prefix.length > best.prefix.length))
      best = limit;
  }
  return best?.maxBytes ?? DEFAULT_BODY_LIMIT;
}

export type GateVerdict = { ok: true } | { ok: false; status: 400 | 411 | 413 | 414; message: string };

function formatSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Decided from the request line and headers alone: the body is never read for a refusal. */
export function checkRequest(req: {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}): GateVerdict {
  const url = req.url ?? "/";
  if (url.length > MAX_URL_LENGTH) return { ok: false, status: 414, message: "This address is too long." };
  const pathname = url.split("?")[0] ?? "/";
  const method = (req.method ?? "GET").toUpperCase();
  const declared = req.headers["content-length"];
  const chunked = /chunked/i.test(String(req.headers["transfer-encoding"] ?? ""));
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") {
    if (chunked || (declared !== undefined && declared !== "0")) {
      return { ok: false, status: 400, message: "This kind of request cannot carry a body." };
    }
    return { ok: true };
  }
  const limit = bodyLimitFor(pathname);
  if (declared === undefined) {
    // Without a declared length the size is only known after reading: refused unless there is no body at all.
    return chunked
      ? { ok: false, status: 411, message: "Please send the length of the request." }
      : { ok: true };
  }
  const length = Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) {
    return { ok: false, status: 400, message: "The request's length is not a number." };
  }
  if (length > limit) {
    return { ok: false, status: 413, message: `The request is too large (at most ${formatSize(limit)}).` };
  }
  return { ok: true };
}

const API_REFUSAL_CODES = {
  400: "invalid_request",
  411: "length_required",
  413: "payload_too_large",
  414: "uri_too_long",
} as const;

/**
 * How a refusal is written: the REST API's clients get its JSON error shape ({ error: { code, message } },
 * server/api-v1/api-errors.ts), everything else a plain sentence.
 */
export function refusalBody(
  pathname: string,
  verdict: Extract<GateVerdict, { ok: false }>,
): { contentType: string; body: string } {
  if (pathname === "/api/v1" || pathname.startsWith("/api/v1/")) {
    return {
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify({ error: { code: API_REFUSAL_CODES[verdict.status], message: verdict.message } }),
    };
  }
  return { contentType: "text/plain; charset=utf-8", body: `${verdict.message}\n` };
}
