"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { useDate, useMoney } from "@/app/(crm)/accounts/_components/format";
import { DealStatusBadge, useReasonLabel } from "@/app/(crm)/deals/_components/labels";
import type { DashboardInput } from "@/server/deals/deals.schemas";
import { type Drill, td, th } from "./drill";

const PAGE = 25;

/** The deals behind a clicked bar, paged; focus moves here so keyboard users land on the list. */
export function DealsBehind({
  input,
  drill,
  onClose,
}: {
  input: DashboardInput;
  drill: Drill;
  onClose: () => void;
}) {
  const t = useTranslations("deals.dashboard");
  const tList = useTranslations("deals.list");
  const tQueue = useTranslations("deals.queue");
  const trpc = useTRPC();
  const money = useMoney();
  const date = useDate("numeric");
  const reason = useReasonLabel();
  const [offset, setOffset] = useState(0);
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new drill starts at its first page
  useEffect(() => {
    setOffset(0);
    ref.current?.focus();
  }, [drill]);
  const deals = useQuery({
    ...trpc.deals.dealsBehind.queryOptions({
      filters: input,
      kind: drill.kind,
      value: drill.value,
      outcome: drill.outcome ?? null,
      offset,
      limit: PAGE,
    }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card
      title={
        <span ref={ref} tabIndex={-1}>
          {t("behind", { label: drill.label })}
        </span>
      }
      actions={
        <Button size="sm" variant="secondary" onClick={onClose}>
          {t("closeList")}
        </Button>
      }
    >
      {deals.isPending ? (
        <Spinner label={t("loading")} />
      ) : deals.isError ? (
        <Alert>{deals.error.message}</Alert>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>{tList("deal")}</th>
                <th className={th}>{tList("account")}</th>
                <th className={th}>{tList("owner")}</th>
                <th className={`${th} text-right`}>{tList("amount")}</th>
                <th className={th}>{tList("stage")}</th>
                <th className={th}>{t("ownerSays")}</th>
                <th className={th}>{tList("date")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deals.data.items.map((d) => (
                <tr key={d.id}>
                  <td className={td}>
                    <Link href={`/deals/${d.id}`} className="text-brand-700 hover:underline">
                      {d.title}
                    </Link>
                  </td>
                  <td className={td}>{d.accountName}</td>
                  <td className={td}>{d.ownerName}</td>
                  <td className={`${td} text-right`}>{money(d.amount)}</td>
                  <td className={td}>
                    <DealStatusBadge status={d.status as "won"} />
                  </td>
                  <td className={td}>{reason(d.ownerReason)}</td>
                  <td className={td}>{date(d.closedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-2 flex gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {tQueue("previous")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={!deals.data.hasMore}
              onClick={() => setOffset(offset + PAGE)}
            >
              {tQueue("next")}
            </Button>
          </div>
        </div>
      )}
    </Card>
  );
}
