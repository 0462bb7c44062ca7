"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
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

const th = "px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500";
const td = "px-3 py-2 text-sm text-slate-700";

/**
 * Deals as a table (the deals list, the review queue, the deals behind a dashboard bar): title with the owner's
 * reason under it, account, owner, amount, stage or outcome, date, and an optional last column.
 */
export function DealTable<T extends DealRow>({
  rows,
  caption,
  extra,
}: {
  rows: readonly T[];
  caption?: string;
  extra?: { header: ReactNode; cell: (row: T) => ReactNode };
}) {
  const t = useTranslations("deals.list");
  const money = useMoney();
  const date = useDate("numeric");
  const reason = useReasonLabel();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-100">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="bg-slate-50">
          <tr>
            <th className={th}>{t("deal")}</th>
            <th className={th}>{t("account")}</th>
            <th className={th}>{t("owner")}</th>
            <th className={`${th} text-right`}>{t("amount")}</th>
            <th className={th}>{t("stage")}</th>
            <th className={th}>{t("date")}</th>
            {extra ? <th className={th}>{extra.header}</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id}>
              <td className={td}>
                <Link href={`/deals/${d.id}`} className="font-medium text-brand-700 hover:underline">
                  {d.title}
                </Link>
                {d.ownerReason ? <div className="text-xs text-slate-500">{reason(d.ownerReason)}</div> : null}
              </td>
              <td className={td}>
                {d.accountId ? (
                  <Link href={`/accounts/${d.accountId}`} className="hover:underline">
                    {d.accountName}
                  </Link>
                ) : (
                  d.accountName
                )}
              </td>
              <td className={td}>{d.ownerName}</td>
              <td className={`${td} text-right tabular-nums`}>{money(d.amount)}</td>
              <td className={td}>
                <DealStatusBadge status={d.status} stage={d.stage} />
              </td>
              <td className={`${td} tabular-nums`}>{date(d.date)}</td>
              {extra ? <td className={td}>{extra.cell(d)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
