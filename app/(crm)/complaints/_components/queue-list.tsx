"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef } from "react";
import { EmptyState } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import {
  paramsFromView,
  queueInputOf,
  queuesFor,
  viewFromParams,
} from "@/app/_lib/list-params/complaints-queue";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import {
  ComplaintStatusBadge,
  NextPromiseClock,
  SeverityBadge,
  useNow,
} from "@/app/(crm)/_components/complaints/labels";
import { ExportLink } from "@/app/(crm)/_components/export-link";
import { DEPARTMENTS, type Department, type Role } from "@/db/schema";
import type { Queue } from "@/server/complaints/complaints.schemas";

/** The work queues as tabs kept in the URL, each walked by due time with "Load more". */
export function QueueList({ role }: { role: Role }) {
  const t = useTranslations("complaints.queue");
  const tCat = useTranslations("complaints.category");
  const tDept = useTranslations("complaints.department");
  const tErr = useTranslations("complaints.errors");
  const trpc = useTRPC();
  const now = useNow();
  const [view, changeView] = useUrlView((p) => viewFromParams(p, role), paramsFromView);
  const queues = queuesFor(role);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

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
        <div className="flex justify-end">
          <ExportLink href={`/api/export/complaints?${paramsFromView(view)}`} />
        </div>
        {view.queue === "department" ? (
          <SelectField
            label={t("departmentSelect")}
            className="w-60"
            value={view.department}
            onChange={(e) => changeView({ ...view, department: e.target.value as Department })}
            options={DEPARTMENTS.map((d) => ({ value: d, label: tDept(d) }))}
          />
        ) : null}
        <DataTable
          caption={tabLabel(view.queue)}
          {...paged(list, t("loadMore"))}
          error={list.isError ? tErr("loadFailed") : undefined}
          empty={<EmptyState title={t("empty")} body={t("emptyHint")} />}
          busy={list.isFetching && !list.isFetchingNextPage}
          rows={items}
          rowKey={(c) => c.id}
          columns={[
            {
              key: "reference",
              header: t("reference"),
              rowHeader: true,
              className: "whitespace-nowrap",
              cell: (c) => (
                <Link
                  href={`/complaints/${c.id}`}
                  className="font-mono font-medium text-brand-700 hover:underline"
                >
                  {c.reference}
                </Link>
              ),
            },
            {
              key: "account",
              header: t("account"),
              className: "max-w-56 break-words",
              cell: (c) => (
                <Link href={`/accounts/${c.accountId}`} className="hover:underline">
                  {c.accountName}
                </Link>
              ),
            },
            { key: "category", header: t("category"), cell: (c) => tCat(c.category as "other") },
            { key: "severity", header: t("severity"), cell: (c) => <SeverityBadge severity={c.severity} /> },
            { key: "status", header: t("status"), cell: (c) => <ComplaintStatusBadge status={c.status} /> },
            {
              key: "handler",
              header: t("handler"),
              cell: (c) => c.handlerName ?? <span className="text-slate-600">{t("unassigned")}</span>,
            },
            {
              key: "due",
              header: t("due"),
              className: "min-w-52",
              cell: (c) => <NextPromiseClock row={c} now={now} />,
            },
          ]}
          status={items.length > 0 ? t("count", { count: items.length }) : undefined}
        />
      </div>
    </div>
  );
}
