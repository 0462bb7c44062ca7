"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import {
  paramsFromWinbackView,
  type WinbackStatus,
  winbackListInput,
  winbackViewFromParams,
} from "@/app/_lib/list-params/work-lists";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { ExportLink, exportUrlOf } from "@/app/(crm)/_components/export-link";
import { accountColumn, ownerColumn } from "../../_components/levels/account-columns";
import { OwnerSelect } from "../../_components/levels/owner-select";

type Notice = { tone: "success" | "info" | "error"; text: string } | null;

/** The win-back list; its owner and status filters live in the URL (restored on reload and Back). */
export function WinbackList({ defaultOwner, canStart }: { defaultOwner: string; canStart: boolean }) {
  const t = useTranslations("levels");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const date = useDate();
  const [view, setView] = useUrlView(
    (p) => winbackViewFromParams(p, defaultOwner),
    (v) => paramsFromWinbackView(v, defaultOwner),
  );
  const [notice, setNotice] = useState<Notice>(null);
  const list = useInfiniteQuery(
    trpc.winback.list.infiniteQueryOptions(winbackListInput(view), { getNextPageParam: (p) => p.nextCursor }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const start = useMutation(
    trpc.winback.start.mutationOptions({
      onSuccess: async (result, vars) => {
        const name = items.find((r) => r.id === vars.accountId)?.name ?? "";
        const due = date(result.task.dueAt);
        setNotice(
          result.created
            ? { tone: "success", text: t("winback.started", { name, date: due }) }
            : { tone: "info", text: t("winback.alreadyOpen", { name, date: due }) },
        );
        await Promise.all([
          queryClient.invalidateQueries(trpc.winback.list.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.myFollowUps.pathFilter()),
        ]);
      },
      onError: (error) =>
        setNotice({ tone: "error", text: t("winback.startError", { message: error.message }) }),
    }),
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <OwnerSelect value={view.owner} onChange={(owner) => setView({ ...view, owner })} />
        <SelectField
          label={t("winback.status")}
          className="w-48"
          value={view.status ?? ""}
          onChange={(e) => setView({ ...view, status: (e.target.value || null) as WinbackStatus | null })}
          options={[
            { value: "", label: t("winback.allStatuses") },
            { value: "lapsed", label: tEnums("status.lapsed") },
            { value: "lost", label: tEnums("status.lost") },
          ]}
        />
        <div className="ml-auto self-end pb-2">
          <ExportLink href={exportUrlOf("win-back", paramsFromWinbackView(view, defaultOwner))} />
        </div>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <DataTable
        caption={t("winback.tableLabel")}
        {...paged(list)}
        empty={<EmptyState title={t("winback.empty")} />}
        rows={items}
        rowKey={(r) => r.id}
        columns={[
          accountColumn(t("columns.account"), "max-w-[14rem]"),
          { key: "status", header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
          {
            key: "lostReason",
            header: t("columns.lostReason"),
            className: "text-slate-600",
            cell: (r) => (r.lostReason ? tEnums(`lostReason.${r.lostReason}`) : "—"),
          },
          {
            key: "lastOrder",
            header: t("columns.lastOrder"),
            className: "whitespace-nowrap text-slate-600",
            cell: (r) => date(r.lastOrderAt),
          },
          { key: "revenue", header: t("columns.revenue"), align: "right", cell: (r) => money(r.revenue) },
          { key: "margin", header: t("columns.margin"), align: "right", cell: (r) => money(r.margin) },
          ownerColumn(t("columns.owner"), "max-w-[9rem]"),
          {
            key: "action",
            header: t("columns.action"),
            className: "whitespace-nowrap",
            cell: (r) =>
              r.openWinBackTaskId != null ? (
                <span className="text-xs font-medium text-emerald-700">{t("winback.open")}</span>
              ) : canStart ? (
                <Button
                  size="sm"
                  variant="secondary"
                  aria-label={t("winback.startFor", { name: r.name })}
                  disabled={start.isPending}
                  onClick={() => {
                    setNotice(null);
                    start.mutate({ accountId: r.id });
                  }}
                >
                  {t("winback.start")}
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
