"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { SelectField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { LoadMoreButton } from "@/app/_components/ui/load-more";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { AnswerBadge } from "@/app/(crm)/_components/listening/badges";
import { CloseLoopButton } from "@/app/(crm)/_components/listening/close-loop-form";
import { ANSWER_CLASSES, SURVEY_KINDS } from "@/db/schema";
import { SURVEY_VIEWS } from "@/server/surveys/surveys.schemas";
import {
  type AnswersView,
  answersInputOf,
  answersViewFromParams,
  paramsFromAnswersView,
} from "./answers-params";

/** Loops to close (oldest answer first) and every answer (newest first), filters kept in the URL. */
export function AnswersList({ managerDefault }: { managerDefault: boolean }) {
  const t = useTranslations("feedback");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const date = useDate();
  const [view, change] = useUrlView((p) => answersViewFromParams(p, managerDefault), paramsFromAnswersView);
  const list = useInfiniteQuery({
    ...trpc.surveys.answers.infiniteQueryOptions(answersInputOf(view), {
      getNextPageParam: (page) => page.nextCursor,
    }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const now = Date.now();

  return (
    <div className="space-y-4">
      <div
        role="tablist"
        aria-label={t("answers.title")}
        className="flex flex-wrap gap-1 border-b border-slate-200"
      >
        {SURVEY_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view.view}
            aria-controls="answers-panel"
            onClick={() => change({ ...view, view: v })}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              v === view.view
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`answers.views.${v}`)}
          </button>
        ))}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={view.mine}
            onChange={(e) => change({ ...view, mine: e.target.checked })}
            className="accent-brand-600"
          />
          {t("answers.mine")}
        </label>
        <SelectField
          label={t("surveysCard.title")}
          value={view.kind ?? ""}
          onChange={(e) => change({ ...view, kind: (e.target.value || null) as AnswersView["kind"] })}
          options={[
            { value: "", label: t("answers.anyKind") },
            ...SURVEY_KINDS.map((k) => ({ value: k, label: t(`surveyKind.${k}`) })),
          ]}
        />
        <SelectField
          label={t("answers.score")}
          value={view.answerClass ?? ""}
          onChange={(e) =>
            change({ ...view, answerClass: (e.target.value || null) as AnswersView["answerClass"] })
          }
          options={[
            { value: "", label: t("answers.anyClass") },
            ...ANSWER_CLASSES.map((c) => ({ value: c, label: t(`answerClass.${c}`) })),
          ]}
        />
      </div>
      <div id="answers-panel" role="tabpanel" aria-busy={list.isFetching}>
        {list.isPending ? (
          <Spinner label={tCommon("states.loading")} />
        ) : list.isError ? (
          <Alert>{tCommon("states.error")}</Alert>
        ) : items.length === 0 ? (
          <EmptyState title={view.view === "loop" ? t("answers.emptyLoop") : t("answers.empty")} />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {items.map((s) => (
              <li key={s.id} className="space-y-1 px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  {s.score !== null && s.answerClass ? (
                    <AnswerBadge
                      answerClass={s.answerClass}
                      score={s.score}
                      max={s.kind === "nps" ? 10 : 5}
                    />
                  ) : null}
                  <Link
                    href={`/accounts/${s.accountId}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {s.accountName}
                  </Link>
                  {s.contactName ? <span className="text-slate-600">· {s.contactName}</span> : null}
                  <span className="text-xs text-slate-500">
                    · {t(`surveyKind.${s.kind}`)} · {t("surveysCard.answered", { date: date(s.answeredAt) })}
                  </span>
                </div>
                {s.comment ? <p className="break-words text-slate-800">“{s.comment}”</p> : null}
                {s.followUpTaskId !== null ? (
                  s.loopClosedAt !== null ? (
                    <p className="text-xs text-emerald-800">
                      {t("surveysCard.loopClosed", { date: date(s.loopClosedAt), note: s.loopNote ?? "" })}
                    </p>
                  ) : (
                    <div className="flex flex-wrap items-center gap-2">
                      <p
                        className={cn(
                          "text-xs font-medium",
                          (s.followUpDueAt ?? now) < now ? "text-red-700" : "text-amber-800",
                        )}
                      >
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
        {list.hasNextPage ? (
          <div className="mt-3">
            <LoadMoreButton query={list} label={t("list.loadMore")} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
