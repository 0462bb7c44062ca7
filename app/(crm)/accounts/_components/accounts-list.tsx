"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/card";
import { type Column, DataTable } from "@/app/_components/ui/data-table";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge, StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { SavedViews } from "@/app/(crm)/_components/saved-views";
import type { AccountListItem } from "@/server/accounts/accounts.list";
import { AccountFilters, DEFAULT_DIR } from "./account-filters";
import { type ListView, PAGE_SIZE, paramsFromView, viewFromParams } from "./list-params";

type Row = AccountListItem;

/**
 * The accounts list: filters and sort kept in the URL, name, last order and revenue sortable from their
 * headers (each has its index), "Load more" by keyset. At phone width each row stacks into name, rung, owner
 * and last order.
 */
export function AccountsList() {
  const t = useTranslations("accounts.list");
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate("numeric");
  const searchParams = useSearchParams();
  const [view, setView] = useState<ListView>(() => viewFromParams(searchParams));

  // Back/forward changes the URL under us: follow it.
  useEffect(() => setView(viewFromParams(searchParams)), [searchParams]);

  function changeView(next: ListView) {
    setView(next);
    const qs = paramsFromView(next);
    // The native history API keeps useSearchParams in step without a server round trip.
    window.history.replaceState(null, "", qs ? `/accounts?${qs}` : "/accounts");
  }

  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.accounts.list.infiniteQueryOptions(
      { ...view, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(view.q || view.rung || view.status || view.ownerId || view.segment);
  const clear = () => changeView({ sort: view.sort, dir: view.dir });

  const columns: Column<Row>[] = [
    {
      key: "name",
      header: t("columns.name"),
      rowHeader: true,
      sort: "name",
      width: "w-[18%]",
      className: "truncate",
      cell: (a) => (
        <Link
          href={`/accounts/${a.id}`}
          className="font-medium text-brand-700 hover:underline"
          title={a.name}
        >
          {a.name}
        </Link>
      ),
    },
    {
      key: "rung",
      header: t("columns.rung"),
      width: "w-[14%]",
      className: "overflow-hidden",
      cell: (a) => <RungBadge rung={a.rung} />,
    },
    {
      key: "status",
      header: t("columns.status"),
      width: "w-[9%]",
      className: "overflow-hidden",
      narrowHidden: true,
      cell: (a) => <StatusBadge status={a.status} />,
    },
    {
      key: "level",
      header: t("columns.level"),
      width: "w-[12%]",
      className: "truncate",
      narrowHidden: true,
      cell: (a) => tLevel(a.level),
    },
    {
      key: "owner",
      header: t("columns.owner"),
      width: "w-[12%]",
      className: "truncate",
      cell: (a) => a.ownerName ?? <span className="text-slate-500">{t("unassigned")}</span>,
    },
    {
      key: "segment",
      header: t("columns.segment"),
      width: "w-[12%]",
      className: "truncate",
      narrowHidden: true,
      cell: (a) => a.segment ?? "—",
    },
    {
      key: "lastOrder",
      header: t("columns.lastOrder"),
      sort: "lastOrder",
      width: "w-[11%]",
      className: "truncate",
      cell: (a) =>
        a.lastOrderAt ? date(a.lastOrderAt) : <span className="text-slate-500">{t("noOrders")}</span>,
    },
    {
      key: "revenue",
      header: t("columns.revenue"),
      sort: "revenue",
      align: "right",
      width: "w-[12%]",
      className: "truncate text-slate-800",
      narrowHidden: true,
      cell: (a) => money(a.revenue),
    },
  ];

  return (
    <div className="space-y-4">
      <AccountFilters
        view={view}
        onChange={changeView}
        owners={options.data?.owners ?? []}
        segments={options.data?.segments ?? []}
      />
      <SavedViews
        list="accounts"
        query={paramsFromView(view)}
        onApply={(query) => changeView(viewFromParams(new URLSearchParams(query)))}
      />
      <DataTable
        columns={columns}
        rows={items}
        rowKey={(a) => a.id}
        caption={t("tableCaption")}
        fixed
        pending={list.isPending}
        error={list.isError ? tCommon("states.error") : undefined}
        onRetry={() => void list.refetch()}
        busy={list.isPlaceholderData}
        sort={{ key: view.sort, dir: view.dir ?? DEFAULT_DIR[view.sort] }}
        onSort={(key) => {
          const sort = key as ListView["sort"];
          // A new column starts in its natural order (names A–Z, latest orders and largest revenue first).
          const dir =
            sort === view.sort
              ? (view.dir ?? DEFAULT_DIR[sort]) === "asc"
                ? "desc"
                : "asc"
              : DEFAULT_DIR[sort];
          changeView({ ...view, sort, dir: dir === DEFAULT_DIR[sort] ? undefined : dir });
        }}
        empty={
          filtered ? (
            <EmptyState
              title={t("emptyTitle")}
              body={t("emptyBody")}
              action={
                <Button variant="secondary" onClick={clear}>
                  {t("clearFilters")}
                </Button>
              }
            />
          ) : (
            <EmptyState title={t("emptyNoneYet")} body={t("emptyNoneYetBody")} />
          )
        }
        status={
          list.isFetching && !list.isFetchingNextPage
            ? t("updating")
            : list.hasNextPage
              ? t("shown", { count: items.length })
              : `${t("shown", { count: items.length })} · ${t("end")}`
        }
        loadMore={{
          hasMore: Boolean(list.hasNextPage),
          loading: list.isFetchingNextPage,
          onLoadMore: () => void list.fetchNextPage(),
          label: t("loadMore"),
        }}
      />
    </div>
  );
}
