"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { FeedbackStatusBadge, SentimentBadge } from "./badges";
import { FeedbackForm } from "./feedback-form";
import { useThemeLabel } from "./labels";

/** The account page's feedback: what its people said, newest first, and recording more in place. */
export function FeedbackCard({
  accountId,
  accountName,
  contacts,
}: {
  accountId: number;
  accountName: string;
  contacts: ReadonlyArray<{ id: number; name: string }>;
}) {
  const t = useTranslations("feedback");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const date = useDate();
  const themeLabel = useThemeLabel();
  const list = useQuery(trpc.feedback.forAccount.queryOptions({ accountId }));
  const [recording, setRecording] = useState(false);

  return (
    <Card
      title={t("card.title")}
      actions={
        recording ? null : (
          <Button size="sm" variant="secondary" onClick={() => setRecording(true)}>
            {t("card.record")}
          </Button>
        )
      }
    >
      {recording ? (
        <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
          <FeedbackForm account={{ id: accountId, name: accountName, contacts }} />
          <Button size="sm" variant="ghost" className="mt-2" onClick={() => setRecording(false)}>
            {tCommon("actions.close")}
          </Button>
        </div>
      ) : null}
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <p className="text-sm text-slate-500">{t("card.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {list.data?.items.map((f) => (
            <li key={f.id} className="py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <SentimentBadge sentiment={f.sentiment} />
                <span className="font-medium text-slate-700">{themeLabel(f.theme)}</span>
                <FeedbackStatusBadge status={f.status} />
                <Link href={`/feedback/items/${f.id}`} className="ml-auto text-brand-700 hover:underline">
                  {t("card.viewAll")}
                </Link>
              </div>
              <p className="mt-1 line-clamp-2 break-words text-slate-800">“{f.words}”</p>
              <p className="mt-0.5 text-xs text-slate-500">
                {f.contactName ? `${f.contactName} · ` : ""}
                {t("item.via", {
                  channel: t(`channel.${f.channel}`),
                  interface: t(`interface.${f.interface}`),
                  date: date(f.receivedAt),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
