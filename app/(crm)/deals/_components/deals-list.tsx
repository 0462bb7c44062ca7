"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { OwnerSelect } from "@/app/(crm)/_components/levels/owner-select";
import { useDate, useMoney } from "@/app/(crm)/accounts/_components/format";
import { DEAL_STATUSES, type DealStatus } from "@/db/schema";
import { DealStatusBadge } from "./labels";

export const DEALS_PAGE = 25;
const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2 text-sm text-slate-700";

export function DealsList({ initialOwner }: { initialOwner: string }) {
  const t = useTranslations("deals.list");
  const tStatus = useTranslations("deals.status");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate("numeric");
  const [owner, setOwner] = useState(initialOwner);
  const [status, setStatus] = useState<DealStatus | "">("");
  const [q, setQ] = useState("");
  const query = useDeferredValue(q.trim());
  const input = { ownerId: owner, limit: DEALS_PAGE, status: status || null, q: query || null };
  const list = useInfiniteQuery(
    trpc.deals.list.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <OwnerSelect value={owner} onChange={setOwner} />
        <SelectField
          label={t("status")}
          className="w-44"
          value={status}
          onChange={(e) => setStatus(e.target.value as DealStatus | "")}
          options={[
            { value: "", label: t("anyStatus") },
            ...DEAL_STATUSES.map((s) => ({ value: s, label: tStatus(s) })),
          ]}
        />
        <TextField
          label={t("search")}
          className="w-64"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : list.isError ? (
        <Alert>{list.error.message}</Alert>
      ) : items.length === 0 ? (
        <EmptyState title={t("empty")} body={t("emptyHint")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-100">
            <thead className="bg-slate-50">
              <tr>
                <th className={th}>{t("deal")}</th>
                <th className={th}>{t("account")}</th>
                <th className={th}>{t("owner")}</th>
                <th className={`${th} text-right`}>{t("amount")}</th>
                <th className={th}>{t("stage")}</th>
                <th className={th}>{t("date")}</th>
                <th className={th}>{t("reviewed")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((d) => (
                <tr key={d.id}>
                  <td className={td}>
                    <Link href={`/deals/${d.id}`} className="font-medium text-brand-700 hover:underline">
                      {d.title}
                    </Link>
                  </td>
                  <td className={td}>
                    <Link href={`/accounts/${d.accountId}`} className="hover:underline">
                      {d.accountName}
                    </Link>
                  </td>
                  <td className={td}>{d.ownerName}</td>
                  <td className={`${td} text-right tabular-nums`}>{money(d.amount)}</td>
                  <td className={td}>
                    <DealStatusBadge status={d.status} stage={d.stage} />
                  </td>
                  <td className={`${td} tabular-nums`}>{date(d.closedAt ?? d.expectedCloseAt)}</td>
                  <td className={td}>{d.status === "open" ? "" : d.reviewedAt ? "✓" : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.hasNextPage ? (
        <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
