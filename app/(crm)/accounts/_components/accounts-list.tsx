"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge, StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import type { AccountSelection } from "@/server/accounts/accounts.schemas";
import { AccountFilters } from "./account-filters";
import { BulkBar, type Picked } from "./bulk-bar";
import {
  exportHref,
  filterOf,
  type ListView,
  PAGE_SIZE,
  paramsFromView,
  viewFromParams,
} from "./list-params";

const NONE: Picked = { kind: "ids", ids: new Set() };

/** canBulk: may change accounts in bulk (level, segment); canAssign: may also assign owners. */
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
  const searchParams = useSearchParams();
  const [view, setView] = useState<ListView>(() => viewFromParams(searchParams));
  const [picked, setPicked] = useState<Picked>(NONE);
  const [notice, setNotice] = useState<string | null>(null);
  const tBulk = useTranslations("accounts.list.bulk");

  // Back/forward changes the URL under us: follow it.
  useEffect(() => setView(viewFromParams(searchParams)), [searchParams]);

  function changeView(next: ListView) {
    setView(next);
    // A selection belongs to the filter it was made under.
    setPicked(NONE);
    setNotice(null);
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

  return (
    <div className="space-y-4">
      <AccountFilters
        view={view}
        onChange={changeView}
        owners={options.data?.owners ?? []}
        segments={options.data?.segments ?? []}
      />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
        <span aria-live="polite">
          {count.data
            ? count.data.more
              ? t("matchingMore", { count: count.data.count })
              : t("matching", { count: count.data.count })
            : "\u00a0"}
        </span>
        <a
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
          href={exportHref(view)}
          download
        >
          {t("exportCsv")}
        </a>
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
          onClear={() => setPicked(NONE)}
          onDone={(changed) => {
            setPicked(NONE);
            setNotice(tBulk("done", { changed }));
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
      {list.isError ? (
        <Alert>
          {tCommon("states.error")}{" "}
          <button type="button" className="underline" onClick={() => void list.refetch()}>
            {tCommon("actions.retry")}
          </button>
        </Alert>
      ) : null}
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : items.length === 0 && !list.isError ? (
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
      ) : (
        <div
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
          aria-busy={list.isFetching || undefined}
        >
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">{t("tableCaption")}</caption>
            <colgroup>
              {canBulk ? <col className="w-10" /> : null}
              <col className="w-[18%]" />
              <col className="w-[14%]" />
              <col className="w-[9%]" />
              <col className="w-[12%]" />
              <col className="w-[12%]" />
              <col className="w-[12%]" />
              <col className="w-[11%]" />
              <col className="w-[12%]" />
            </colgroup>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600">
              <tr>
                {canBulk ? (
                  <th scope="col" className="px-2.5 py-2">
                    <input
                      type="checkbox"
                      className="size-4 align-middle"
                      aria-label={tBulk("selectShown")}
                      checked={allShownPicked}
                      onChange={toggleShown}
                    />
                  </th>
                ) : null}
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.name")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.rung")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.status")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.level")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.owner")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.segment")}
                </th>
                <th scope="col" className="px-2.5 py-2">
                  {t("columns.lastOrder")}
                </th>
                <th scope="col" className="px-2.5 py-2 text-right">
                  {t("columns.revenue")}
                </th>
              </tr>
            </thead>
            <tbody className={list.isPlaceholderData ? "opacity-60" : undefined}>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-slate-100 last:border-0 hover:bg-slate-50">
                  {canBulk ? (
                    <td className="px-2.5 py-2">
                      <input
                        type="checkbox"
                        className="size-4 align-middle"
                        aria-label={tBulk("selectRow", { name: a.name })}
                        checked={isPicked(a.id)}
                        onChange={() => toggle(a.id)}
                      />
                    </td>
                  ) : null}
                  <td className="truncate px-2.5 py-2">
                    <Link
                      href={`/accounts/${a.id}`}
                      className="font-medium text-brand-700 hover:underline"
                      title={a.name}
                    >
                      {a.name}
                    </Link>
                  </td>
                  <td className="overflow-hidden px-2.5 py-2">
                    <RungBadge rung={a.rung} />
                  </td>
                  <td className="overflow-hidden px-2.5 py-2">
                    <StatusBadge status={a.status} />
                  </td>
                  <td className="truncate px-2.5 py-2 text-slate-700">{tLevel(a.level)}</td>
                  <td className="truncate px-2.5 py-2 text-slate-700" title={a.ownerName ?? undefined}>
                    {a.ownerName ?? <span className="text-slate-500">{t("unassigned")}</span>}
                  </td>
                  <td className="truncate px-2.5 py-2 text-slate-700">
                    {a.segment ? name("segment", a.segment) : "—"}
                  </td>
                  <td className="truncate px-2.5 py-2 text-slate-700">
                    {a.lastOrderAt ? (
                      date(a.lastOrderAt)
                    ) : (
                      <span className="text-slate-500">{t("noOrders")}</span>
                    )}
                  </td>
                  <td className="truncate px-2.5 py-2 text-right tabular-nums text-slate-800">
                    {money(a.revenue)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 0 ? (
        <div className="flex items-center justify-between gap-3 text-sm text-slate-500">
          <span aria-live="polite">
            {list.isFetching && !list.isFetchingNextPage
              ? t("updating")
              : t("shown", { count: items.length })}
          </span>
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              onClick={() => void list.fetchNextPage()}
              disabled={list.isFetchingNextPage}
            >
              {list.isFetchingNextPage ? tCommon("states.loading") : t("loadMore")}
            </Button>
          ) : (
            <span>{t("end")}</span>
          )}
        </div>
      ) : null}
    </div>
  );
}
