import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

/** The server's "busy, try again" answer (tRPC SERVICE_UNAVAILABLE, HTTP 503). */
export function isBusyAnswer(error: unknown): boolean {
  const data = (error as { data?: { httpStatus?: number; code?: string } } | null)?.data;
  return data?.httpStatus === 503 || data?.code === "SERVICE_UNAVAILABLE";
}

export function makeQueryClient({ server = false }: { server?: boolean } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: server ? false : 1, refetchOnWindowFocus: false },
      // A write that met a busy database (503: an import holds the lock) is tried once more, a second later.
      mutations: { retry: (failures, error) => failures < 1 && isBusyAnswer(error), retryDelay: 1_000 },
      dehydrate: {
        serializeData: superjson.serialize,
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
