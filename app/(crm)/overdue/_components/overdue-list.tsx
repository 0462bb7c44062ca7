"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { EmptyState } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import {
  overdueListInput,
  overdueViewFromParams,
  paramsFromOverdueView,
} from "@/app/_lib/list-params/work-lists";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { ExportLink, exportUrlOf } from "@/app/(crm)/_components/export-link";
import { accountColumn, ownerColumn } from "../../_components/levels/account-columns";
import { LevelBadge } from "../../_components/levels/level-badge";
import { OwnerSelect } from "../../_components/levels/owner-select";

/**
 * Overdue contacts; account managers see only their own (the server refuses anything else), so no filter. The
 * owner chosen lives in the URL (restored on reload and Back).
 */
export function OverdueList({
  defaultOwner,
  canChooseOwner,
}: {
  defaultOwner: string;
  canChooseOwner: boolean;
}) {
  const t = useTranslations("levels");
  const trpc = useTRPC();
  const date = useDate();
  const [view, setView] = useUrlView(
    (p) => (canChooseOwner ? overdueViewFromParams(p, defaultOwner) : { owner: defaultOwner }),
    (v) => paramsFromOverdueView(v, defaultOwner),
  );
  const list = useInfiniteQuery(
    trpc.levels.overdue.infiniteQueryOptions(overdueListInput(view), {
      getNextPageParam: (p) => p.nextCursor,
    }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        {canChooseOwner ? (
          <OwnerSelect value={view.owner} onChange={(owner) => setView({ owner })} />
        ) : (
          <span />
        )}
        <ExportLink href={exportUrlOf("overdue", paramsFromOverdueView(view, defaultOwner))} />
      </div>
      <DataTable
        caption={t("overdue.tableLabel")}
        {...paged(list)}
        empty={<EmptyState title={t("overdue.empty")} />}
        rows={items}
        rowKey={(r) => r.id}
        columns={[
          accountColumn(t("columns.account"), "max-w-xs"),
          { key: "level", header: t("columns.level"), cell: (r) => <LevelBadge level={r.level} /> },
          {
            key: "why",
            header: t("columns.why"),
            className: "text-red-700",
            cell: (r) =>
              r.overdueTaskDueAt != null
                ? t("overdue.taskDue", { date: date(r.overdueTaskDueAt) })
                : r.lastContactAt != null
                  ? t("overdue.noContactSince", { date: date(r.lastContactAt) })
                  : t("overdue.noContactYet"),
          },
          {
            key: "lastContact",
            header: t("columns.lastContact"),
            className: "whitespace-nowrap text-slate-600",
            cell: (r) => date(r.lastContactAt, t("overdue.never")),
          },
          ownerColumn(t("columns.owner"), "max-w-[10rem]"),
        ]}
      />
    </div>
  );
}
