"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { StatusBadge } from "@/app/(crm)/_components/accounts/badges";
import { ListFrame, td, th } from "../../_components/levels/list-states";
import { OwnerSelect } from "../../_components/levels/owner-select";
import { WINBACK_PAGE } from "./page-size";

type StatusFilter = "" | "lapsed" | "lost";
type Notice = { tone: "success" | "info" | "error"; text: string } | null;

export function WinbackList({ initialOwner, canStart }: { initialOwner: string; canStart: boolean }) {
  const t = useTranslations("levels");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const date = useDate();
  const [owner, setOwner] = useState(initialOwner);
  const [status, setStatus] = useState<StatusFilter>("");
  const [notice, setNotice] = useState<Notice>(null);
  const input = { ownerId: owner, limit: WINBACK_PAGE, ...(status ? { status } : {}) };
  const list = useInfiniteQuery(
    trpc.winback.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
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
        <OwnerSelect value={owner} onChange={setOwner} />
        <SelectField
          label={t("winback.status")}
          className="w-48"
          value={status}
          onChange={(e) => setStatus(e.target.value as StatusFilter)}
          options={[
            { value: "", label: t("winback.allStatuses") },
            { value: "lapsed", label: tEnums("status.lapsed") },
            { value: "lost", label: tEnums("status.lost") },
          ]}
        />
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <ListFrame query={list} count={items.length} empty={t("winback.empty")}>
        <table className="w-full min-w-[900px] text-sm" aria-label={t("winback.tableLabel")}>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th className={th}>{t("columns.account")}</th>
              <th className={th}>{t("columns.status")}</th>
              <th className={th}>{t("columns.lostReason")}</th>
              <th className={th}>{t("columns.lastOrder")}</th>
              <th className={`${th} text-right`}>{t("columns.revenue")}</th>
              <th className={`${th} text-right`}>{t("columns.margin")}</th>
              <th className={th}>{t("columns.owner")}</th>
              <th className={th}>{t("columns.action")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((r) => (
              <tr key={r.id}>
                <td className={`${td} max-w-[14rem]`}>
                  <Link
                    href={`/accounts/${r.id}`}
                    className="block truncate font-medium text-brand-700 hover:underline"
                    title={r.name}
                  >
                    {r.name}
                  </Link>
                </td>
                <td className={td}>
                  <StatusBadge status={r.status} />
                </td>
                <td className={`${td} text-slate-600`}>
                  {r.lostReason ? tEnums(`lostReason.${r.lostReason}`) : "—"}
                </td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>{date(r.lastOrderAt)}</td>
                <td className={`${td} text-right tabular-nums`}>{money(r.revenue)}</td>
                <td className={`${td} text-right tabular-nums`}>{money(r.margin)}</td>
                <td className={`${td} max-w-[9rem] truncate text-slate-600`}>{r.ownerName ?? "—"}</td>
                <td className={`${td} whitespace-nowrap`}>
                  {r.openWinBackTaskId != null ? (
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
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </div>
  );
}
