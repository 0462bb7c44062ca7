// Who else stands behind a write: a REST API request runs inside withApiKey, and every audit row written
// during it names the key (issue #15: "every write made with a key is in the audit log under the key's name")
// without the domain functions having to pass it along. AsyncLocalStorage follows the request's async calls.
import { AsyncLocalStorage } from "node:async_hooks";

export type ApiKeyRef = { id: string; name: string };

const current = new AsyncLocalStorage<ApiKeyRef>();

export function withApiKey<T>(key: ApiKeyRef, fn: () => T): T {
  return current.run(key, fn);
}

/** The API key of the request being served, or null outside an API request. */
export function currentApiKey(): ApiKeyRef | null {
  return current.getStore() ?? null;
}
