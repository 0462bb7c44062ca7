"use client";

import { useTranslations } from "next-intl";
import { useDate } from "@/app/_components/report/format";
import { Link } from "@/app/_components/ui/link";

type Details = Record<string, unknown>;

/**
 * What a promoter score or a referral says, shown with the proposed advocate move so the owner decides on
 * the evidence itself: the score, who gave it and their words; whom the account referred.
 */
export function EvidenceDetails({
  kind,
  details,
  observedAt,
}: {
  kind: string;
  details: Details;
  observedAt: number;
}) {
  const t = useTranslations("feedback.advocates");
  const date = useDate();
  if (kind === "promoter_score" && typeof details.score === "number") {
    return (
      <span className="block text-xs text-slate-600">
        {t("promoter", {
          score: details.score,
          contact: typeof details.contactName === "string" ? details.contactName : "—",
          date: date(observedAt),
        })}
        {typeof details.comment === "string" && details.comment ? (
          <span className="block italic">{t("promoterComment", { comment: details.comment })}</span>
        ) : null}
      </span>
    );
  }
  if (kind === "referral" && typeof details.referred === "string") {
    const id = typeof details.referredAccountId === "number" ? details.referredAccountId : null;
    return (
      <span className="block text-xs text-slate-600">
        {t("referral", { name: details.referred, date: date(observedAt) })}
        {id ? (
          <Link href={`/accounts/${id}`} className="ml-1 text-brand-700 hover:underline">
            →
          </Link>
        ) : null}
      </span>
    );
  }
  return null;
}
