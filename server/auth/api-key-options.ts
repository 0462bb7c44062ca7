// How better-auth's api-key plugin (@better-auth/api-key) is set up for the REST API (issue #15): keys start
// with "lcrm_", carry a name, scopes as permissions ({ api: [...] }) and a per-key rate limit; they are stored
// hashed (SHA-256) and shown once. Its browser-facing endpoints are disabled: admins manage keys through the
// audited api-keys procedures, which call the plugin on the server.
import type { apiKey } from "@better-auth/api-key";

export const API_KEY_PREFIX = "lcrm_";
/** Default per-key limit: requests per window (the admin may choose another when creating a key). */
export const DEFAULT_RATE_LIMIT = { max: 600, windowMs: 60_000 } as const;

export const API_KEY_OPTIONS = {
  defaultPrefix: API_KEY_PREFIX,
  requireName: true,
  maximumNameLength: 80,
  // The list shows the prefix and the first characters after it, so an admin can tell keys apart.
  startingCharactersConfig: { shouldStore: true, charactersLength: API_KEY_PREFIX.length + 6 },
  keyExpiration: { defaultExpiresIn: null, minExpiresIn: 1, maxExpiresIn: 3650 },
  rateLimit: { enabled: true, timeWindow: DEFAULT_RATE_LIMIT.windowMs, maxRequests: DEFAULT_RATE_LIMIT.max },
} satisfies Parameters<typeof apiKey>[0];

export const API_KEY_CLIENT_PATHS = [
  "/api-key/create",
  "/api-key/get",
  "/api-key/list",
  "/api-key/update",
  "/api-key/delete",
];
