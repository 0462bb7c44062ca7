import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getDb } from "@/db/client";
import { getSessionUser } from "@/server/auth/server";
import type { Context } from "@/server/context";
import { appRouter, createCaller } from "@/server/root";
import { makeQueryClient } from "./query-client";

/** The signed-in user for this render, looked up once per request. */
export const currentUser = cache(async () => getSessionUser(await headers()));

const createContext = cache(async (): Promise<Context> => ({ db: getDb(), user: await currentUser() }));

export const getQueryClient = cache(makeQueryClient);

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
}
