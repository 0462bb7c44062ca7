"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";

type ListQuery = {
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
};

/** Loading, error, empty and "load more" around a keyset-paginated table. */
export function ListFrame({
  query,
  count,
  empty,
  children,
}: {
  query: ListQuery;
  count: number;
  empty: string;
  children: ReactNode;
}) {
  const tc = useTranslations("common");
  if (query.isPending) return <Spinner label={tc("states.loading")} />;
  if (query.isError) {
    return (
      <Alert>
        {tc("states.error")}{" "}
        <button type="button" className="underline" onClick={() => query.refetch()}>
          {tc("actions.retry")}
        </button>
      </Alert>
    );
  }
  if (count === 0) return <EmptyState title={empty} />;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">{children}</div>
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? tc("states.loading") : tc("actions.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}

export const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const td = "px-3 py-2.5 align-top";
