"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { EmptyState } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { DealTable } from "@/app/(crm)/_components/deals/deal-table";
import { OwnerSelect } from "@/app/(crm)/_components/levels/owner-select";
import { DEAL_STATUSES, type DealStatus } from "@/db/schema";
import { DEALS_PAGE } from "./page-size";

export function DealsList({ initialOwner }: { initialOwner: string }) {
  const t = useTranslations("deals.list");
  const tStatus = useTranslations("deals.status");
  const trpc = useTRPC();
  const [owner, setOwner] = useState(initialOwner);
  const [status, setStatus] = useState<DealStatus | "">("");
  const [q, setQ] = useState("");
  const query = useDeferredValue(q.trim());
  const input = { ownerId: owner, limit: DEALS_PAGE, status: status || null, q: query || null };
  const list = useInfiniteQuery(
    trpc.deals.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <OwnerSelect value={owner} onChange={setOwner} />
        <SelectField
          label={t("status")}
          className="w-44"
          value={status}
          onChange={(e) => setStatus(e.target.value as DealStatus | "")}
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
      </div>
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
