"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { dealsListInput, dealsViewFromParams, paramsFromDealsView } from "@/app/_lib/list-params/deals";
import { useSearchBox } from "@/app/_lib/use-search-box";
import { useUrlView } from "@/app/_lib/use-url-view";
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
  const [view, changeView] = useUrlView(
    (p) => dealsViewFromParams(p, defaultOwner),
    (v) => paramsFromDealsView(v, defaultOwner),
  );
  // Typing waits for a pause before the search (and the URL) follow.
  const search = useSearchBox(view.q ?? "", (q, how) => changeView({ ...view, q: q || null }, how));

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
        <TextField label={t("search")} className="w-64" type="search" {...search} />
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
