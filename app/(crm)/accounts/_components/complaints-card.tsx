"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { ButtonLink } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import {
  ComplaintStatusBadge,
  NextPromiseClock,
  SeverityBadge,
  useNow,
} from "@/app/(crm)/_components/complaints/labels";
import { ACCOUNT_COMPLAINTS_LIMIT } from "./page-size";

/** The account's complaints, newest first, and "Record a complaint" for those who may. */
export function ComplaintsCard({ accountId, canRecord }: { accountId: number; canRecord: boolean }) {
  const t = useTranslations("complaints.account");
  const tCat = useTranslations("complaints.category");
  const tErr = useTranslations("complaints.errors");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const now = useNow();
  const date = useDate("numeric");
  const list = useQuery(
    trpc.complaints.listForAccount.queryOptions({ accountId, limit: ACCOUNT_COMPLAINTS_LIMIT }),
  );
  const items = list.data?.items ?? [];

  return (
    <Card
      title={t("title")}
      actions={
        canRecord ? (
          <ButtonLink size="sm" variant="secondary" href={`/complaints/new?accountId=${accountId}`}>
            {t("record")}
          </ButtonLink>
        ) : null
      }
    >
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : list.isError ? (
        <Alert>{tErr("loadFailed")}</Alert>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {items.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
              <Link
                href={`/complaints/${c.id}`}
                className="font-mono font-medium text-brand-700 hover:underline"
              >
                {c.reference}
              </Link>
              <span className="text-slate-700">{tCat(c.category as "other")}</span>
              <SeverityBadge severity={c.severity} />
              <ComplaintStatusBadge status={c.status} />
              <span className="tabular-nums text-slate-500">{date(c.receivedAt)}</span>
              {c.closedAt === null ? <NextPromiseClock row={c} now={now} /> : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
