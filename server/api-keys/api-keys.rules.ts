// API key scopes and states (issue #15 §1). Pure. A key's scopes are stored as better-auth permissions
// ({ api: [...scopes] }); each REST endpoint names the one scope it needs.

export const API_SCOPES = ["read", "orders", "accounts", "complaints"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export type ApiKeyState = "active" | "revoked" | "expired";

/** The scopes in a stored permissions value; unknown or malformed entries are ignored. */
export function scopesOf(permissions: string | Record<string, string[]> | null | undefined): ApiScope[] {
  let parsed: unknown = permissions;
  if (typeof permissions === "string") {
    try {
      parsed = JSON.parse(permissions);
    } catch {
      return [];
    }
  }
  const list = (parsed as { api?: unknown } | null)?.api;
  if (!Array.isArray(list)) return [];
  return API_SCOPES.filter((s) => list.includes(s));
}

export function stateOf(key: { enabled: boolean | null; expiresAt: Date | null }, now: number): ApiKeyState {
  if (key.enabled === false) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now) return "expired";
  return "active";
}
