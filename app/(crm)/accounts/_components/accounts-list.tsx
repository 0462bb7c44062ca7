"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { EmptyState } from "@/app/_components/ui/card";
import { type Column, DataTable } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import {
  exportHref,
  filterOf,
  type ListView,
  PAGE_SIZE,
  paramsFromView,
  viewFromParams,
} from "@/app/_lib/list-params/accounts";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge, StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { SavedViews } from "@/app/(crm)/_components/saved-views";
import type { AccountListItem } from "@/server/accounts/accounts.list";
import type { AccountSelection } from "@/server/accounts/accounts.schemas";
import { AccountFilters, DEFAULT_DIR } from "./account-filters";
import { BulkBar, type Picked } from "./bulk-bar";

type Row = AccountListItem;

const NONE: Picked = { kind: "ids", ids: new Set() };

/**
 * The accounts list: filters and sort kept in the URL, name, last order and revenue sortable from their
 * headers (each has its index), "Load more" by keyset. At phone width each row stacks into name, rung, owner
 * and last order. Rows can be ticked (or everything matching the filter) for bulk changes; the count of matching
 * accounts and a CSV export of what the filters show sit above the table.
 * canBulk: may change accounts in bulk (level, segment); canAssign: may also assign owners.
 */
export function AccountsList({
  canBulk = false,
  canAssign = false,
}: {
  canBulk?: boolean;
  canAssign?: boolean;
}) {
  const t = useTranslations("accounts.list");
  const name = useNameLabel();
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate("numeric");
  const [view, changeView] = useUrlView(viewFromParams, paramsFromView);
  const [picked, setPicked] = useState<Picked>(NONE);
  const [notice, setNotice] = useState<string | null>(null);
  const tBulk = useTranslations("accounts.list.bulk");

  // A selection belongs to the filter it was made under: another filter or sort (Back included) drops it.
  const viewQuery = paramsFromView(view);
  const [pickedUnder, setPickedUnder] = useState(viewQuery);
  if (pickedUnder !== viewQuery) {
    setPickedUnder(viewQuery);
    setPicked(NONE);
    setNotice(null);
  }

  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const list = useInfiniteQuery({
    ...trpc.accounts.list.infiniteQueryOptions(
      { ...view, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
    placeholderData: keepPreviousData,
  });

  const filter = useMemo(() => filterOf(view), [view]);
  const count = useQuery({ ...trpc.accounts.count.queryOptions(filter), placeholderData: keepPreviousData });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const isPicked = (id: number) => (picked.kind === "ids" ? picked.ids.has(id) : !picked.except.has(id));
  const pickedAny = picked.kind === "all" || picked.ids.size > 0;
  const allShownPicked = items.length > 0 && items.every((a) => isPicked(a.id));
  const toggle = (id: number) => {
    const flip = (set: Set<number>) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    };
    setNotice(null);
    setPicked(
      picked.kind === "ids"
        ? { kind: "ids", ids: flip(picked.ids) }
        : { kind: "all", except: flip(picked.except) },
    );
  };
  const toggleShown = () => {
    setNotice(null);
    setPicked(allShownPicked ? NONE : { kind: "ids", ids: new Set(items.map((a) => a.id)) });
  };
  const selection: AccountSelection =
    picked.kind === "ids" ? { ids: [...picked.ids] } : { filter, except: [...picked.except] };
  const moreThanShown = count.data ? count.data.more || count.data.count > items.length : false;
  const filtered = Boolean(view.q || view.rung || view.status || view.ownerId || view.segment);
  const clear = () => changeView({ sort: view.sort, dir: view.dir });

  const pickColumn: Column<Row> = {
    key: "pick",
    header: tBulk("selectColumn"),
    hideHeader: true,
    width: "w-10",
    cell: (a) => (
      <input
        type="checkbox"
        className="size-4 align-middle"
        aria-label={tBulk("selectRow", { name: a.name })}
        checked={isPicked(a.id)}
        onChange={() => toggle(a.id)}
      />
    ),
  };
  const columns: Column<Row>[] = [
    ...(canBulk ? [pickColumn] : []),
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
      cell: (a) => (a.segment ? name("segment", a.segment) : "—"),
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
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        {canBulk && items.length > 0 ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" className="size-4" checked={allShownPicked} onChange={toggleShown} />
            {tBulk("selectShown")}
          </label>
        ) : null}
        <span aria-live="polite">
          {count.data
            ? count.data.more
              ? t("matchingMore", { count: count.data.count })
              : t("matching", { count: count.data.count })
            : "\u00a0"}
        </span>
        <span className="flex gap-4">
          <a
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
            href={exportHref(view)}
            download
          >
            {t("exportCsv")}
          </a>
          <a
            className="font-medium text-brand-700 underline-offset-2 hover:underline"
            href={exportHref(view, "contacts")}
            download
          >
            {t("exportContacts")}
          </a>
        </span>
      </div>
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      ) : null}
      {canBulk && pickedAny ? (
        <BulkBar
          picked={picked}
          selection={selection}
          count={count.data}
          canAssign={canAssign}
          owners={options.data?.owners ?? []}
          segments={options.data?.segments ?? []}
          exportHref={exportHref(
            view,
            "accounts",
            picked.kind === "ids" ? { ids: [...picked.ids] } : { except: [...picked.except] },
          )}
          onClear={() => setPicked(NONE)}
          onDone={({ changed, skipped }) => {
            setPicked(NONE);
            setNotice(
              skipped
                ? `${tBulk("done", { changed })} ${tBulk("skipped", { skipped })}`
                : tBulk("done", { changed }),
            );
          }}
        />
      ) : null}
      {canBulk && allShownPicked && picked.kind === "ids" && moreThanShown ? (
        <p className="text-sm">
          <Button variant="secondary" size="sm" onClick={() => setPicked({ kind: "all", except: new Set() })}>
            {count.data?.more
              ? tBulk("selectAllMatchingMore", { count: count.data.count })
              : tBulk("selectAllMatching", { count: count.data?.count ?? 0 })}
          </Button>
        </p>
      ) : null}
      <SavedViews
        list="accounts"
        query={viewQuery}
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
