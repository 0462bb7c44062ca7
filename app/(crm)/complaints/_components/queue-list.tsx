"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import {
  ComplaintStatusBadge,
  NextPromiseClock,
  SeverityBadge,
  useNow,
} from "@/app/(crm)/_components/complaints/labels";
import { DEPARTMENTS, type Department, type Role } from "@/db/schema";
import type { Queue } from "@/server/complaints/complaints.schemas";
import { paramsFromView, type QueueView, queueInputOf, queuesFor, viewFromParams } from "./queue-params";

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2 align-top text-sm text-slate-700";

/** The work queues as tabs kept in the URL, each walked by due time with "Load more". */
export function QueueList({ role }: { role: Role }) {
  const t = useTranslations("complaints.queue");
  const tCat = useTranslations("complaints.category");
  const tDept = useTranslations("complaints.department");
  const tErr = useTranslations("complaints.errors");
  const trpc = useTRPC();
  const now = useNow();
  const searchParams = useSearchParams();
  const [view, setView] = useState<QueueView>(() => viewFromParams(searchParams, role));
  useEffect(() => setView(viewFromParams(searchParams, role)), [searchParams, role]);
  const queues = queuesFor(role);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function changeView(next: QueueView) {
    setView(next);
    // The native history API keeps useSearchParams in step without a server round trip.
    window.history.replaceState(null, "", `/complaints?${paramsFromView(next)}`);
  }

  function onTabKey(e: KeyboardEvent, index: number) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + queues.length) % queues.length;
    changeView({ ...view, queue: queues[next] as Queue });
    tabs.current[next]?.focus();
  }

  const list = useInfiniteQuery({
    ...trpc.complaints.queue.infiniteQueryOptions(queueInputOf(view), {
      getNextPageParam: (page) => page.nextCursor,
    }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const tabLabel = (q: Queue) => (q === "mine" && role === "account_manager" ? t("mineManager") : t(q));

  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("tabs")} className="flex flex-wrap gap-1 border-b border-slate-200">
        {queues.map((q, i) => {
          const selected = q === view.queue;
          return (
            <button
              key={q}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`tab-${q}`}
              aria-selected={selected}
              aria-controls="queue-panel"
              tabIndex={selected ? 0 : -1}
              onKeyDown={(e) => onTabKey(e, i)}
              onClick={() => changeView({ ...view, queue: q })}
              className={
                selected
                  ? "-mb-px border-b-2 border-brand-600 px-3 py-2 text-sm font-medium text-brand-700"
                  : "-mb-px border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900"
              }
            >
              {tabLabel(q)}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id="queue-panel" aria-labelledby={`tab-${view.queue}`} className="space-y-4">
        {view.queue === "department" ? (
          <SelectField
            label={t("departmentSelect")}
            className="w-60"
            value={view.department}
            onChange={(e) => changeView({ ...view, department: e.target.value as Department })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: tDept(d) }))}
          />
        ) : null}
        {list.isPending ? (
          <Spinner label={t("loading")} />
        ) : list.isError ? (
          <Alert>{tErr("loadFailed")}</Alert>
        ) : items.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyHint")} />
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full divide-y divide-slate-100" aria-busy={list.isFetching}>
              <thead className="bg-slate-50">
                <tr>
                  <th className={th}>{t("reference")}</th>
                  <th className={th}>{t("account")}</th>
                  <th className={th}>{t("category")}</th>
                  <th className={th}>{t("severity")}</th>
                  <th className={th}>{t("status")}</th>
                  <th className={th}>{t("handler")}</th>
                  <th className={th}>{t("due")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((c) => (
                  <tr key={c.id}>
                    <td className={`${td} whitespace-nowrap`}>
                      <Link
                        href={`/complaints/${c.id}`}
                        className="font-mono font-medium text-brand-700 hover:underline"
                      >
                        {c.reference}
                      </Link>
                    </td>
                    <td className={`${td} max-w-56 break-words`}>
                      <Link href={`/accounts/${c.accountId}`} className="hover:underline">
                        {c.accountName}
                      </Link>
                    </td>
                    <td className={td}>{tCat(c.category as "other")}</td>
                    <td className={td}>
                      <SeverityBadge severity={c.severity} />
                    </td>
                    <td className={td}>
                      <ComplaintStatusBadge status={c.status} />
                    </td>
                    <td className={td}>
                      {c.handlerName ?? <span className="text-slate-500">{t("unassigned")}</span>}
                    </td>
                    <td className={`${td} min-w-52`}>
                      <NextPromiseClock row={c} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {items.length > 0 ? (
          <p className="text-xs text-slate-500" aria-live="polite">
            {t("count", { count: items.length })}
          </p>
        ) : null}
        {list.hasNextPage ? (
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? t("loading") : t("loadMore")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
