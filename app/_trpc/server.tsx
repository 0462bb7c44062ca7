import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { cache, type ReactNode, Suspense } from "react";
import { Spinner } from "@/app/_components/ui/card";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/server";
import type { Context } from "@/server/context";
import { appRouter, createCaller } from "@/server/root";
import { makeQueryClient } from "./query-client";

/** The signed-in user for this render, looked up once per request. */
export const currentUser = cache(async () => getSessionUser(await headers()));

const createContext = cache(
  async (): Promise<Context> => ({ db: getDb(), user: await currentUser(), headers: await headers() }),
);

// On the server a failed prefetch is never retried: a retry waits a second (React Query's default delay) and
// then sends the page without its data, which the browser fetches again behind a spinner.
export const getQueryClient = cache(() => makeQueryClient({ server: true }));

export const trpc = createTRPCOptionsProxy({
  ctx: createContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Server-side caller for server components that need data directly. */
export const serverCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/**
 * A dashboard's figures, streamed in the page's own response: the page's header (and its filters) go out at once,
 * and the figures follow in the same response as soon as `load` (the page's prefetches) is done; the browser
 * never fetches them again. For pages whose first view computes several reports (a dashboard after a write), so
 * the reader sees the page answer at once. Checks that decide the status (404, forbidden) stay before it: once
 * the first bytes are out, the status cannot change.
 */
export async function Streamed({ load, children }: { load: () => Promise<unknown>; children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <Suspense fallback={<Spinner label={t("states.loading")} />}>
      <Loaded load={load}>{children}</Loaded>
    </Suspense>
  );
}

async function Loaded({ load, children }: { load: () => Promise<unknown>; children: ReactNode }) {
  await load();
  return <HydrateClient>{children}</HydrateClient>;
}

// biome-ignore lint/suspicious/noExplicitAny: mirrors the options proxy's own generic
export async function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  const queryClient = getQueryClient();
  // biome-ignore lint/suspicious/noExplicitAny: infinite and plain query options share this helper
  if ((queryOptions.queryKey[1] as any)?.type === "infinite") {
    // biome-ignore lint/suspicious/noExplicitAny: see above
    await queryClient.prefetchInfiniteQuery(queryOptions as any);
  } else {
    await queryClient.prefetchQuery(queryOptions);
  }
  reportFailedPrefetch(queryOptions.queryKey, queryClient.getQueryState(queryOptions.queryKey)?.error);
}

/** Refusals a page handles itself (it shows 404 or the forbidden page); anything else is a bug in the page. */
const EXPECTED_CODES = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]);

/**
 * A prefetch that fails for any other reason is loud: logged always, and thrown in development and when
 * STRICT_PREFETCH=1 (the e2e run), so the page fails its test instead of quietly loading its data late.
 */
function reportFailedPrefetch(queryKey: unknown, error: unknown) {
  if (!error) return;
  const code = error instanceof TRPCError ? error.code : (error as { data?: { code?: string } }).data?.code;
  if (code && EXPECTED_CODES.has(code)) return;
  const message = `Server prefetch of ${JSON.stringify(queryKey)} failed: ${(error as Error).message}`;
  console.error(`[prefetch] ${message}`);
  if (process.env.NODE_ENV !== "production" || process.env.STRICT_PREFETCH === "1") throw new Error(message);
}
