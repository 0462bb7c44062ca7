"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import type { Column, PagedQuery } from "@/app/_components/ui/data-table";
import { LoadMoreButton } from "@/app/_components/ui/load-more";

/** Loading, error, empty and "load more" around a keyset-paginated table. */
export function ListFrame({
  query,
  count,
  empty,
  children,
}: {
  query: PagedQuery;
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
      <LoadMoreButton query={query} label={tc("actions.loadMore")} loadingLabel={tc("states.loading")} />
    </div>
  );
}

export const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
export const td = "px-3 py-2.5 align-top";

/** The account's name linking to its page, heading the row (the lists of the levels pages). */
export function accountColumn<R extends { id: number; name: string }>(
  header: string,
  width: string,
): Column<R> {
  return {
    key: "account",
    header,
    rowHeader: true,
    className: width,
    cell: (r) => (
      <Link
        href={`/accounts/${r.id}`}
        className="block truncate font-medium text-brand-700 hover:underline"
        title={r.name}
      >
        {r.name}
      </Link>
    ),
  };
}

/** The account's owner, "—" when it has none. */
export function ownerColumn<R extends { ownerName: string | null }>(
  header: string,
  width: string,
): Column<R> {
  return {
    key: "owner",
    header,
    className: `${width} truncate text-slate-600`,
    cell: (r) => r.ownerName ?? "—",
  };
}
