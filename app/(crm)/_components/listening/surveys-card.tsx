"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { Card, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { AnswerBadge } from "./badges";
import { CloseLoopButton } from "./close-loop-form";
import { SendSurveyButton } from "./send-survey";

/** The account page's surveys: what went to whom, the answers, and the loops to close. */
export function SurveysCard({
  accountId,
  contacts,
}: {
  accountId: number;
  contacts: ReadonlyArray<{ id: number; name: string; email: string | null }>;
}) {
  const t = useTranslations("feedback");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const date = useDate();
  const list = useQuery(trpc.surveys.forAccount.queryOptions({ accountId }));
  const data = list.data;

  return (
    <Card
      title={t("surveysCard.title")}
      actions={data?.canSend ? <SendSurveyButton accountId={accountId} contacts={contacts} /> : null}
    >
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : (data?.items.length ?? 0) === 0 ? (
        <p className="text-sm text-slate-500">{t("surveysCard.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {data?.items.map((s) => (
            <li key={s.id} className="space-y-1 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium text-slate-800">{t(`surveyKind.${s.kind}`)}</span>
                {s.contactName ? <span className="text-slate-600">· {s.contactName}</span> : null}
                {s.score !== null && s.answerClass ? (
                  <AnswerBadge answerClass={s.answerClass} score={s.score} max={s.kind === "nps" ? 10 : 5} />
                ) : null}
              </div>
              <p className="text-xs text-slate-500">
                {t("surveysCard.sent", { date: date(s.sentAt) })}
                {s.byEmail ? "" : ` (${t("surveysCard.byHand")})`} ·{" "}
                {s.state === "answered"
                  ? t("surveysCard.answered", { date: date(s.answeredAt) })
                  : s.state === "expired"
                    ? t("surveysCard.expired", { date: date(s.expiresAt) })
                    : t("surveysCard.waiting", { date: date(s.expiresAt) })}
              </p>
              {s.comment ? <p className="break-words text-slate-800">“{s.comment}”</p> : null}
              {s.followUpTaskId !== null ? (
                s.loopClosedAt !== null ? (
                  <p className="text-xs text-emerald-800">
                    {t("surveysCard.loopClosed", { date: date(s.loopClosedAt), note: s.loopNote ?? "" })}
                  </p>
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="text-xs font-medium text-amber-800">
                      {t("surveysCard.loopOpen", {
                        name: s.followUpAssigneeName ?? "—",
                        date: date(s.followUpDueAt),
                      })}
                    </p>
                    {s.canCloseLoop ? <CloseLoopButton surveyId={s.id} /> : null}
                  </div>
                )
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
