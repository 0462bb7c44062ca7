"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate } from "@/app/_components/report/format";
import { useTRPC } from "@/app/_trpc/client";
import { LevelBadge } from "../../_components/levels/level-badge";
import { ListFrame, td, th } from "../../_components/levels/list-states";
import { OwnerSelect } from "../../_components/levels/owner-select";
import { OVERDUE_PAGE } from "./page-size";

/** Overdue contacts; account managers see only their own (the server refuses anything else), so no filter. */
export function OverdueList({
  initialOwner,
  canChooseOwner,
}: {
  initialOwner: string;
  canChooseOwner: boolean;
}) {
  const t = useTranslations("levels");
  const trpc = useTRPC();
  const date = useDate();
  const [owner, setOwner] = useState(initialOwner);
  const list = useInfiniteQuery(
    trpc.levels.overdue.infiniteQueryOptions(
      { ownerId: owner, limit: OVERDUE_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      {canChooseOwner ? <OwnerSelect value={owner} onChange={setOwner} /> : null}
      <ListFrame query={list} count={items.length} empty={t("overdue.empty")}>
        <table className="w-full min-w-[720px] text-sm" aria-label={t("overdue.tableLabel")}>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th className={th}>{t("columns.account")}</th>
              <th className={th}>{t("columns.level")}</th>
              <th className={th}>{t("columns.why")}</th>
              <th className={th}>{t("columns.lastContact")}</th>
              <th className={th}>{t("columns.owner")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {items.map((r) => (
              <tr key={r.id}>
                <td className={`${td} max-w-xs`}>
                  <Link
                    href={`/accounts/${r.id}`}
                    className="block truncate font-medium text-brand-700 hover:underline"
                    title={r.name}
                  >
                    {r.name}
                  </Link>
                </td>
                <td className={td}>
                  <LevelBadge level={r.level} />
                </td>
                <td className={`${td} text-red-700`}>
                  {r.overdueTaskDueAt != null
                    ? t("overdue.taskDue", { date: date(r.overdueTaskDueAt) })
                    : r.lastContactAt != null
                      ? t("overdue.noContactSince", { date: date(r.lastContactAt) })
                      : t("overdue.noContactYet")}
                </td>
                <td className={`${td} whitespace-nowrap text-slate-600`}>
                  {date(r.lastContactAt, t("overdue.never"))}
                </td>
                <td className={`${td} max-w-[10rem] truncate text-slate-600`}>{r.ownerName ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </div>
  );
}
