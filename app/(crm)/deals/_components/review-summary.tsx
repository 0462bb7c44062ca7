"use client";

import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { Badge } from "@/app/_components/ui/badge";
import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { useTitle } from "@/app/(crm)/_components/system-text";
import { Row } from "./deal-view";

type Review = {
  reviewerName: string;
  contactName: string | null;
  spokeAt: number;
  primaryReason: string;
  secondaryReasons: string[];
  buyerWords: string;
  actions: Array<{
    taskId: number;
    title: string;
    titleKey?: string | null;
    titleParams?: string | null;
    dueAt: number;
    assigneeName: string;
    state: string;
  }>;
};

/** A saved review: who spoke to whom, the buyer's reasons beside the owner's, and the actions with their state. */
export function ReviewSummary({
  review,
  ownerReason,
  outcome,
}: {
  review: Review;
  ownerReason: string | null;
  outcome: string;
}) {
  const t = useTranslations("deals.detail");
  const title = useTitle();
  const date = useDate();
  const reason = useReasonLabel();
  const agree = review.primaryReason === ownerReason;
  return (
    <div className="space-y-3 text-sm">
      <p className="text-slate-600">
        {t("reviewBy", {
          name: review.reviewerName,
          contact: review.contactName ?? t("someone"),
          date: date(review.spokeAt),
        })}
      </p>
      <dl className="space-y-2">
        <Row label={t("buyerSaid")}>
          {reason(review.primaryReason)}{" "}
          <Badge tone={agree ? "green" : "amber"}>{agree ? t("agree") : t("disagree")}</Badge>
        </Row>
        {review.secondaryReasons.length ? (
          <Row label={t("buyerSecondary")}>{review.secondaryReasons.map(reason).join(", ")}</Row>
        ) : null}
        <Row label={t("buyerWords")}>“{review.buyerWords}”</Row>
      </dl>
      <div>
        <h3 className="font-medium text-slate-800">
          {outcome === "won" ? t("actionsWon") : t("actionsLost")}
        </h3>
        {review.actions.length === 0 ? (
          <p className="text-slate-500">{t("noActions")}</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {review.actions.map((a) => (
              <li key={a.taskId} className="flex flex-wrap items-center gap-2">
                <Badge tone={a.state === "done" ? "green" : a.state === "overdue" ? "red" : "blue"}>
                  {t(`actionState.${a.state as "open" | "overdue" | "done"}`)}
                </Badge>
                <span>{title(a)}</span>
                <span className="text-slate-500">
                  · {a.assigneeName} · {date(a.dueAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
