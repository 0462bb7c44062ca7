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
import { keepRecent, reportVersion } from "@/server/report-cache";
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
 * A dashboard's figures in the page's own response; the browser never fetches them again. `id` names what
 * `load` (the page's prefetches) computes: the page and its inputs.
 * - When the same reader loaded the same `id` and no write has happened since (the report cache's version,
 *   server/report-cache.ts), every figure is in the cache: they come with the page at once, in its shell.
 * - Otherwise they must be computed (a first view, a view after a write, `REPORT_CACHE=off`): the page's header
 *   and filters go out first, with a spinner, and the figures follow in the same response when computed.
 * Not always streaming: React shows a streamed part no sooner than 300 ms after the shell was painted, which a
 * view answered from the cache would pay for nothing. Checks that decide the status (404, forbidden) stay
 * before it: once the first bytes are out, the status cannot change.
 */
export async function Streamed({
  id,
  load,
  children,
}: {
  id: unknown;
  load: () => Promise<unknown>;
  children: ReactNode;
}) {
  const user = await currentUser();
  const key = `${user?.id ?? ""}:${JSON.stringify(id)}`;
  const version = reportVersion(getDb());
  if (version !== null && warmLoads.get(key) === version) {
    await load();
    return <HydrateClient>{children}</HydrateClient>;
  }
  const t = await getTranslations("common");
  return (
    <Suspense fallback={<Spinner label={t("states.loading")} />}>
      <Loaded load={load} onLoaded={() => remember(key)}>
        {children}
      </Loaded>
    </Suspense>
  );
}

/** The report version each (reader, id) last loaded under; a few hundred entries, the oldest dropped first. */
const warmLoads = new Map<string, string>();
const WARM_LOADS_KEPT = 500;

function remember(key: string) {
  const version = reportVersion(getDb());
  if (version !== null) keepRecent(warmLoads, key, version, WARM_LOADS_KEPT);
}

const SHELL_TURNS = 10;

async function Loaded({
  load,
  onLoaded,
  children,
}: {
  load: () => Promise<unknown>;
  onLoaded: () => void;
  children: ReactNode;
}) {
  // The prefetches run synchronous SQLite queries: started at once, they hold the thread before React has sent
  // anything. The shell (header, filters, the spinner) goes out first if React is given the event loop's turns it
  // needs to write it (RSC render → HTML render → Next's streams → the socket): with 2 turns nothing went out
  // before the figures; with 8 the shell left at 32 ms of a 185 ms response (complaints dashboard, first view).
  for (let turn = 0; turn < SHELL_TURNS; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
  await load();
  onLoaded();
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
