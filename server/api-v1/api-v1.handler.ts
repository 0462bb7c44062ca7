// The REST API's request handler behind /api/v1/… (issue #15 §2), made from its parts so tests send real
// Requests through exactly what the route serves. In order: the route (404/405), the API key (401, 429 with
// Retry-After, per key), its scope (403), the path, query and JSON body against the route's schemas (413, 415,
// 400, 422 with the field), then the handler as the key's admin with every audit row naming the key. Errors are
// JSON { error: { code, message, field? } } (api-errors.ts); never a stack trace.
import type { Db } from "@/db/client";
import { waitForWriteLock } from "@/db/write-wait";
import { authenticateApiKey } from "../api-keys/api-keys.queries";
import { withApiKey } from "../audit/audit-context";
import { bodyLimitFor } from "../http/request-limits";
import { ApiError, busyError, fromDomainError, validationError } from "./api-errors";
import { matchRoute } from "./api-v1.routes";
import { openApiDocument } from "./openapi";

export const API_BASE = "/api/v1";

export type ApiHandlerDeps = { getDb: () => Db; now?: () => number };

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

function errorResponse(error: ApiError): Response {
  return json(error.status, error.body(), error.headers);
}

/** The key from "Authorization: Bearer …" or "X-API-Key: …". */
export function apiKeyOf(headers: Headers): string | null {
  const auth = headers.get("authorization");
  const bearer = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth)?.[1] : undefined;
  return bearer ?? headers.get("x-api-key")?.trim() ?? null;
}

const KEY_REFUSALS = {
  missing: ["missing_api_key", "Send an API key: Authorization: Bearer <key>."],
  invalid: ["invalid_api_key", "This API key is not valid."],
  owner_inactive: [
    "invalid_api_key",
    "This API key is not valid: the admin who created it can no longer use it.",
  ],
  revoked: ["revoked_api_key", "This API key was revoked."],
  expired: ["expired_api_key", "This API key has expired."],
} as const;

async function readJsonBody(req: Request, path: string): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  const limit = bodyLimitFor(path);
  const tooLarge = () =>
    new ApiError("payload_too_large", `The request is too large (at most ${Math.round(limit / 1024)} KB).`);
  if (Number(req.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const bytes = await req.arrayBuffer();
  if (bytes.byteLength > limit) throw tooLarge();
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}

export function createApiV1Handler(deps: ApiHandlerDeps) {
  return async (req: Request): Promise<Response> => {
    try {
      const url = new URL(req.url);
      const path = url.pathname.startsWith(API_BASE) ? url.pathname.slice(API_BASE.length) : url.pathname;
      const method = req.method.toUpperCase();
      if (path === "/openapi.json") {
        if (method !== "GET")
          throw new ApiError("method_not_allowed", "Use GET.", { headers: { allow: "GET" } });
        return json(200, openApiDocument(), { "cache-control": "public, max-age=300" });
      }
      const match = matchRoute(method, path);
      if (!match) throw new ApiError("not_found", "There is no such endpoint. See /api/v1/openapi.json.");
      if ("allowed" in match)
        throw new ApiError("method_not_allowed", `Use ${match.allowed.join(" or ")}.`, {
          headers: { allow: match.allowed.join(", ") },
        });
      const { route } = match;

      const db = deps.getDb();
      const now = deps.now?.() ?? Date.now();
      // Every call writes (the key's use is counted), so it first waits for another connection's write
      // transaction (an import) on a timer, not inside SQLite; past the bound: 503 busy.
      if (!(await waitForWriteLock(db))) throw busyError();
      const auth = await authenticateApiKey(db, apiKeyOf(req.headers), now);
      if (!auth.ok) {
        if (auth.reason === "rate_limited") {
          const seconds = Math.max(1, Math.ceil(auth.retryAfterMs / 1000));
          throw new ApiError("rate_limited", `Too many requests with this key: try again in ${seconds} s.`, {
            headers: { "retry-after": String(seconds) },
          });
        }
        const [code, message] = KEY_REFUSALS[auth.reason];
        throw new ApiError(code, message, { headers: { "www-authenticate": 'Bearer realm="api"' } });
      }
      const { caller } = auth;
      if (!route.scopes.some((scope) => caller.scopes.includes(scope)))
        throw new ApiError(
          "insufficient_scope",
          `This key may not do this: it needs the ${route.scopes.map((x) => `"${x}"`).join(" or ")} scope.`,
        );

      const params = route.params ? route.params.safeParse(match.params) : null;
      if (params && !params.success) throw validationError(params.error);
      const query = route.query ? route.query.safeParse(Object.fromEntries(url.searchParams)) : null;
      if (query && !query.success) throw validationError(query.error);
      let body: unknown;
      if (route.body) {
        const parsed = route.body.safeParse(await readJsonBody(req, url.pathname));
        if (!parsed.success) throw validationError(parsed.error);
        body = parsed.data;
      }
      const result = withApiKey({ id: caller.keyId, name: caller.keyName }, () =>
        route.handle({ db, actor: caller.actor, params: params?.data, query: query?.data, body, now }),
      );
      return json(result.status, result.body);
    } catch (error) {
      const known = fromDomainError(error);
      if (known) return errorResponse(known);
      console.error("[api/v1] unexpected error:", error);
      return errorResponse(
        new ApiError("internal_error", "Something went wrong on our side. Try again later."),
      );
    }
  };
}
