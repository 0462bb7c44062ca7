// Surveys (issue #13 §2): what a score means, NPS and CSAT arithmetic, when a link may be answered, who must
// close the loop, and when a contact is due for the relationship survey. Pure; the queries apply these.
import type { AnswerClass, Level, Locale, SurveyKind } from "@/db/schema";

export const NPS_MIN = 0;
export const NPS_MAX = 10;
export const CSAT_MIN = 1;
export const CSAT_MAX = 5;

export function scaleOf(kind: SurveyKind): { min: number; max: number } {
  return kind === "nps" ? { min: NPS_MIN, max: NPS_MAX } : { min: CSAT_MIN, max: CSAT_MAX };
}

export function isValidScore(kind: SurveyKind, score: number): boolean {
  const { min, max } = scaleOf(kind);
  return Number.isInteger(score) && score >= min && score <= max;
}

/** NPS: 9–10 promoter, 7–8 passive, 0–6 detractor. CSAT: 4–5 satisfied, 3 neutral, 1–2 dissatisfied. */
export function classOf(kind: SurveyKind, score: number): AnswerClass {
  if (kind === "nps") return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
  return score >= 4 ? "satisfied" : score === 3 ? "neutral" : "dissatisfied";
}

export const NPS_CLASSES = ["promoter", "passive", "detractor"] as const;
export const CSAT_CLASSES = ["satisfied", "neutral", "dissatisfied"] as const;

/** Detractors and CSAT 1–2 get a follow-up from the account's owner ("close the loop"). */
export function needsFollowUp(kind: SurveyKind, score: number): boolean {
  return kind === "nps" ? score <= 6 : score <= 2;
}

/**
 * Net Promoter Score: % promoters − % detractors of all answers, from −100 to 100; null without answers.
 * Rounded to one decimal.
 */
export function netPromoterScore(c: { promoters: number; passives: number; detractors: number }) {
  const n = c.promoters + c.passives + c.detractors;
  if (n === 0) return null;
  return Math.round(((c.promoters - c.detractors) / n) * 1000) / 10;
}

/** CSAT: % of answers that are 4 or 5 (satisfied), one decimal; null without answers. */
export function csatScore(c: { satisfied: number; neutral: number; dissatisfied: number }) {
  const n = c.satisfied + c.neutral + c.dissatisfied;
  if (n === 0) return null;
  return Math.round((c.satisfied / n) * 1000) / 10;
}

/** Answers ÷ surveys sent, as a share; null when nothing was sent. */
export function responseRate(answered: number, sent: number): number | null {
  return sent > 0 ? answered / sent : null;
}

export type LinkState = "open" | "answered" | "expired";

/** A link takes one answer, until it expires (exactly at the expiry moment it is still open). */
export function linkState(s: { answeredAt: number | null; expiresAt: number }, now: number): LinkState {
  if (s.answeredAt !== null) return "answered";
  return now > s.expiresAt ? "expired" : "open";
}

/** Relationship survey: months between surveys to a contact, per relationship level (0: never). */
export type SurveySchedule = Record<Level, number>;

/**
 * Defaults: accountable and above every six months (issue #13 §2), reactive once a year (the level that
 * invites customers to call with suggestions), basic never.
 */
export const DEFAULT_SURVEY_SCHEDULE: SurveySchedule = {
  basic: 0,
  reactive: 12,
  accountable: 6,
  proactive: 6,
  partnership: 6,
};
export const DEFAULT_SURVEY_LINK_DAYS = 30;
export const DEFAULT_CLOSE_LOOP_DAYS = 2;

const DAY = 86_400_000;
/** A month in the schedule: 30 days, so "six months" is 180 days whatever the calendar. */
export const SCHEDULE_MONTH_MS = 30 * DAY;

/**
 * Whether a contact of an account at this level is due a relationship survey: the level has a schedule and
 * the last one went out at least that many months ago (or never).
 */
export function relationshipSurveyDue(
  level: Level,
  lastSentAt: number | null,
  now: number,
  schedule: SurveySchedule,
): boolean {
  const months = schedule[level];
  if (!months || months <= 0) return false;
  return lastSentAt === null || now - lastSentAt >= months * SCHEDULE_MONTH_MS;
}

export function expiresAt(sentAt: number, linkDays: number): number {
  return sentAt + linkDays * DAY;
}

export function followUpDueAt(answeredAt: number, closeLoopDays: number): number {
  return answeredAt + closeLoopDays * DAY;
}

/** A name written in Chinese characters gets the survey in Chinese; everyone else in English. */
export function localeForName(name: string | null | undefined): Locale {
  return /\p{Script=Han}/u.test(name ?? "") ? "zh" : "en";
}
