"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { EmptyState } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import {
  type DealsView,
  dealsListInput,
  dealsViewFromParams,
  paramsFromDealsView,
} from "@/app/_lib/list-params/deals";
import { useTRPC } from "@/app/_trpc/client";
import { DealTable } from "@/app/(crm)/_components/deals/deal-table";
import { ExportLink } from "@/app/(crm)/_components/export-link";
import { OwnerSelect } from "@/app/(crm)/_components/levels/owner-select";
import { SavedViews } from "@/app/(crm)/_components/saved-views";
import { DEAL_STATUSES, type DealStatus } from "@/db/schema";

/** The deals list; its filters live in the URL (restored on Back, saved as views, shared as links). */
export function DealsList({ defaultOwner }: { defaultOwner: string }) {
  const t = useTranslations("deals.list");
  const tStatus = useTranslations("deals.status");
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const [view, setView] = useState<DealsView>(() => dealsViewFromParams(searchParams, defaultOwner));
  // Back/forward changes the URL under us: follow it.
  useEffect(() => setView(dealsViewFromParams(searchParams, defaultOwner)), [searchParams, defaultOwner]);
  const [q, setQ] = useState(view.q ?? "");
  useEffect(() => setQ(view.q ?? ""), [view.q]);

  function changeView(next: DealsView) {
    setView(next);
    const qs = paramsFromDealsView(next, defaultOwner);
    // The native history API keeps useSearchParams in step without a server round trip.
    window.history.replaceState(null, "", qs ? `/deals?${qs}` : "/deals");
  }
  // Typing waits for a pause before the search (and the URL) follow.
  const latest = useRef({ view, changeView });
  latest.current = { view, changeView };
  useEffect(() => {
    const trimmed = q.trim();
    if (trimmed === (latest.current.view.q ?? "")) return;
    const timer = setTimeout(
      () => latest.current.changeView({ ...latest.current.view, q: trimmed || null }),
      300,
    );
    return () => clearTimeout(timer);
  }, [q]);

  const owner = view.owner;
  const status = view.status ?? "";
  const list = useInfiniteQuery({
    ...trpc.deals.list.infiniteQueryOptions(dealsListInput(view), { getNextPageParam: (p) => p.nextCursor }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <OwnerSelect value={owner} onChange={(o) => changeView({ ...view, owner: o })} />
        <SelectField
          label={t("status")}
          className="w-44"
          value={status}
          onChange={(e) => changeView({ ...view, status: (e.target.value || null) as DealStatus | null })}
          options={[
            { value: "", label: t("anyStatus") },
            ...DEAL_STATUSES.map((s) => ({ value: s, label: tStatus(s) })),
          ]}
        />
        <TextField
          label={t("search")}
          className="w-64"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <div className="ml-auto self-center">
          <ExportLink href={`/api/export/deals?${paramsFromDealsView(view, defaultOwner)}`} />
        </div>
      </div>
      <SavedViews
        list="deals"
        query={paramsFromDealsView(view, defaultOwner)}
        onApply={(query) => changeView(dealsViewFromParams(new URLSearchParams(query), defaultOwner))}
      />
      <DealTable
        pending={list.isPending}
        error={list.isError ? list.error.message : undefined}
        onRetry={() => list.refetch()}
        empty={<EmptyState title={t("empty")} body={t("emptyHint")} />}
        rows={items.map((d) => ({ ...d, ownerReason: null, date: d.closedAt ?? d.expectedCloseAt }))}
        busy={list.isFetching && !list.isFetchingNextPage}
        extra={{
          header: t("reviewed"),
          cell: (d) =>
            d.status === "open" ? null : (
              <>
                <span aria-hidden="true">{d.reviewedAt ? "✓" : "—"}</span>
                <span className="sr-only">{d.reviewedAt ? t("reviewed") : t("notReviewed")}</span>
              </>
            ),
        }}
        loadMore={{
          hasMore: list.hasNextPage,
          loading: list.isFetchingNextPage,
          onLoadMore: () => list.fetchNextPage(),
          label: t("loadMore"),
        }}
      />
    </div>
  );
}
