"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { AnswerClass, FeedbackStatus, Sentiment } from "@/db/schema";

const SENTIMENT_TONES: Record<Sentiment, BadgeTone> = { praise: "green", suggestion: "blue", problem: "red" };
const STATUS_TONES: Record<FeedbackStatus, BadgeTone> = { noted: "slate", open: "amber", closed: "teal" };
const CLASS_TONES: Record<AnswerClass, BadgeTone> = {
  promoter: "green",
  passive: "slate",
  detractor: "red",
  satisfied: "green",
  neutral: "slate",
  dissatisfied: "red",
};

export function SentimentBadge({ sentiment }: { sentiment: Sentiment }) {
  const t = useTranslations("feedback.sentiment");
  return <Badge tone={SENTIMENT_TONES[sentiment]}>{t(sentiment)}</Badge>;
}

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const t = useTranslations("feedback.status");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}

export function AnswerBadge({
  answerClass,
  score,
  max,
}: {
  answerClass: AnswerClass;
  score: number;
  max: number;
}) {
  const t = useTranslations("feedback.answerClass");
  return (
    <Badge tone={CLASS_TONES[answerClass]}>
      {score}/{max} · {t(answerClass)}
    </Badge>
  );
}
