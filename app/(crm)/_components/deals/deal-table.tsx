"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { useFormat } from "@/app/_components/report/format";
import { type Column, DataTable } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import type { DealStatus } from "@/db/schema";
import { DealStatusBadge, useReasonLabel } from "./labels";

export type DealRow = {
  id: number;
  title: string;
  amount: number;
  status: DealStatus;
  stage?: string;
  /** Close date, or the expected one for open deals. */
  date: number | null;
  ownerReason?: string | null;
  accountId?: number;
  accountName: string;
  ownerName: string;
};

type TableProps<T> = Omit<ComponentProps<typeof DataTable<T>>, "columns" | "rowKey" | "caption">;

/**
 * Deals as a table (the deals list, the review queue, the deals behind a dashboard bar): title with the owner's
 * reason under it, account, owner, amount, stage or outcome, date, and an optional last column.
 */
export function DealTable<T extends DealRow>({
  caption,
  extra,
  ...table
}: TableProps<T> & {
  caption?: string;
  extra?: { header: string; hideHeader?: boolean; cell: (row: T) => React.ReactNode };
}) {
  const t = useTranslations("deals.list");
  const f = useFormat();
  const reason = useReasonLabel();
  const columns: Column<T>[] = [
    {
      key: "deal",
      header: t("deal"),
      rowHeader: true,
      cell: (d) => (
        <>
          <Link href={`/deals/${d.id}`} className="font-medium text-brand-700 hover:underline">
            {d.title}
          </Link>
          {d.ownerReason ? <div className="text-xs text-slate-600">{reason(d.ownerReason)}</div> : null}
        </>
      ),
    },
    {
      key: "account",
      header: t("account"),
      cell: (d) =>
        d.accountId ? (
          <Link href={`/accounts/${d.accountId}`} className="hover:underline">
            {d.accountName}
          </Link>
        ) : (
          d.accountName
        ),
    },
    { key: "owner", header: t("owner"), cell: (d) => d.ownerName },
    { key: "amount", header: t("amount"), align: "right", cell: (d) => f.money(d.amount) },
    { key: "stage", header: t("stage"), cell: (d) => <DealStatusBadge status={d.status} stage={d.stage} /> },
    { key: "date", header: t("date"), className: "tabular-nums", cell: (d) => f.date(d.date, "numeric") },
    ...(extra
      ? [{ key: "extra", header: extra.header, hideHeader: extra.hideHeader, cell: extra.cell }]
      : []),
  ];
  return <DataTable {...table} caption={caption ?? t("caption")} columns={columns} rowKey={(d) => d.id} />;
}
