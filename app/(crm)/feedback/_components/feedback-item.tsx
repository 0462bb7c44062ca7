"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useDate } from "@/app/_components/report/format";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { FeedbackStatusBadge, SentimentBadge } from "@/app/(crm)/_components/listening/badges";
import { useThemeLabel } from "@/app/(crm)/_components/listening/labels";
import { FeedbackActions } from "./feedback-actions";

export function FeedbackItem({ id }: { id: number }) {
  const t = useTranslations("feedback");
  const tCommon = useTranslations("common");
  const themeLabel = useThemeLabel();
  const trpc = useTRPC();
  const date = useDate();
  const item = useQuery(trpc.feedback.get.queryOptions({ id }));
  if (item.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (item.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const f = item.data;
  return (
    <div className="max-w-3xl space-y-5">
      <nav className="text-sm">
        <Link href="/feedback/items" className="text-brand-700 hover:underline">
          ← {t("item.back")}
        </Link>
      </nav>
      <header>
        <h1 className="text-xl font-semibold text-slate-900">
          {t("item.title", { account: f.accountName })}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <SentimentBadge sentiment={f.sentiment} />
          <FeedbackStatusBadge status={f.status} />
          <Link href={`/accounts/${f.accountId}`} className="text-brand-700 hover:underline">
            {f.accountName}
          </Link>
        </div>
      </header>
      <Card>
        <p className="text-sm font-medium text-slate-600">
          {f.contactName ? t("item.said", { contact: f.contactName }) : t("item.saidUnknown")}
        </p>
        <blockquote className="mt-1 whitespace-pre-wrap break-words border-l-4 border-brand-200 pl-3 text-base text-slate-900">
          {f.words}
        </blockquote>
        <p className="mt-2 text-xs text-slate-500">
          {t("item.via", {
            channel: t(`channel.${f.channel}`),
            interface: t(`interface.${f.interface}`),
            date: date(f.receivedAt),
          })}{" "}
          · {t("item.recordedBy", { name: f.recordedByName })}
        </p>
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
          <Fact label={t("item.theme")}>{themeLabel(f.theme)}</Fact>
          <Fact label={t("item.status")}>{t(`status.${f.status}`)}</Fact>
          {f.actionOwnerName ? <Fact label={t("item.owner")}>{f.actionOwnerName}</Fact> : null}
          {f.actionDueAt ? <Fact label={t("item.due")}>{date(f.actionDueAt)}</Fact> : null}
          {f.resolution ? (
            <Fact label={t("item.resolution")}>
              {f.resolution}
              {f.closedAt ? (
                <span className="block text-xs text-slate-500">
                  {t("item.closedOn", { date: date(f.closedAt) })}
                </span>
              ) : null}
            </Fact>
          ) : null}
          {f.customerToldAt ? (
            <Fact label={t("item.tell")}>{t("item.told", { date: date(f.customerToldAt) })}</Fact>
          ) : null}
          {f.complaintId ? (
            <Fact label={t("item.toComplaint")}>
              <Link href={`/complaints/${f.complaintId}`} className="text-brand-700 hover:underline">
                {t("item.complaint", { reference: f.complaintReference ?? "" })}
              </Link>
            </Fact>
          ) : null}
        </dl>
      </Card>
      <FeedbackActions item={f} email={f.contactEmail} locale={f.suggestedLocale} />
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-slate-800">{children}</dd>
    </div>
  );
}
