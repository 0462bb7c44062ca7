"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useMoney } from "@/app/_components/report/format";
import { useTRPC } from "@/app/_trpc/client";
import { LevelBadge } from "../../_components/levels/level-badge";
import { ListFrame, td, th } from "../../_components/levels/list-states";
import { OwnerSelect } from "../../_components/levels/owner-select";
import { MISMATCH_PAGE } from "./page-size";

export function MismatchList({ initialOwner }: { initialOwner: string }) {
  const t = useTranslations("levels");
  const trpc = useTRPC();
  const money = useMoney();
  const [owner, setOwner] = useState(initialOwner);
  const list = useInfiniteQuery(
    trpc.levels.mismatches.infiniteQueryOptions(
      { ownerId: owner, limit: MISMATCH_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-4">
      <OwnerSelect value={owner} onChange={setOwner} />
      <ListFrame query={list} count={items.length} empty={t("mismatches.empty")}>
        <table className="w-full min-w-[720px] text-sm" aria-label={t("mismatches.tableLabel")}>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th className={th}>{t("columns.account")}</th>
              <th className={th}>{t("columns.practised")}</th>
              <th className={th}>{t("columns.recommended")}</th>
              <th className={th}>{t("columns.segment")}</th>
              <th className={th}>{t("columns.owner")}</th>
              <th className={`${th} text-right`}>{t("columns.revenue")}</th>
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
                <td className={td}>
                  <LevelBadge level={r.recommendedLevel} />
                </td>
                <td className={`${td} max-w-[10rem] truncate text-slate-600`}>{r.segment ?? "—"}</td>
                <td className={`${td} max-w-[10rem] truncate text-slate-600`}>{r.ownerName ?? "—"}</td>
                <td className={`${td} text-right tabular-nums`}>{money(r.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ListFrame>
    </div>
  );
}
