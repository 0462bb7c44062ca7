// The feedback dashboard's arithmetic (issue #13 §4). Pure: the queries count in SQL; these turn the counts
// into monthly series, NPS and CSAT with response rates, and repurchase and defection per answer class.
import { type AnswerClass, SURVEY_KINDS, type SurveyKind } from "@/db/schema";
import { csatScore, netPromoterScore, responseRate } from "../surveys/survey.rules";

const DAY = 86_400_000;

/** The last moment a survey may have been answered (or sent) for its N-day window to have ended by now. */
export function matureBefore(now: number, days: number): number {
  return now - days * DAY;
}

export type ClassCounts = Partial<Record<AnswerClass, number>>;

export type ScoreLine = {
  sent: number;
  answered: number;
  responseRate: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  nps: number | null;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  csat: number | null;
};

/** One line of figures from the answers by class and the surveys sent (and how many of those were answered). */
export function scoreLine(classes: ClassCounts, sent: { sent: number; answered: number }): ScoreLine {
  const c = (k: AnswerClass) => classes[k] ?? 0;
  const nps = { promoters: c("promoter"), passives: c("passive"), detractors: c("detractor") };
  const csat = { satisfied: c("satisfied"), neutral: c("neutral"), dissatisfied: c("dissatisfied") };
  return {
    sent: sent.sent,
    answered: sent.answered,
    responseRate: responseRate(sent.answered, sent.sent),
    ...nps,
    nps: netPromoterScore(nps),
    ...csat,
    csat: csatScore(csat),
  };
}

export type AnswerRow = { kind: SurveyKind; key: string | number | null; cls: AnswerClass; n: number };
export type SentRow = { kind: SurveyKind; key: string | number | null; sent: number; answered: number };

const TOTAL: unique symbol = Symbol("total");

/**
 * Groups rows keyed by (kind, key) into score lines per kind, in `keys` order (every key listed, empty ones
 * with zeros; a null key is the row of answers without one), plus the total over all keys.
 */
export function scoreLines<K extends string | number | null>(
  keys: readonly K[],
  answers: readonly AnswerRow[],
  sent: readonly SentRow[],
) {
  // Sums per (kind, key) first, so each line is a lookup (an owner breakdown has ~50 keys and ~700 rows). A
  // null key is a row of its own (accounts without a segment, say), not the total.
  type Sums = { classes: ClassCounts; sent: number; answered: number };
  const sums = new Map<SurveyKind, Map<K | typeof TOTAL, Sums>>();
  const at = (kind: SurveyKind, key: K | typeof TOTAL): Sums => {
    const perKind = sums.get(kind) ?? new Map<K | typeof TOTAL, Sums>();
    sums.set(kind, perKind);
    const s = perKind.get(key) ?? { classes: {}, sent: 0, answered: 0 };
    perKind.set(key, s);
    return s;
  };
  const both = (kind: SurveyKind, key: K): Sums[] => [at(kind, key), at(kind, TOTAL)];
  for (const r of answers) {
    for (const s of both(r.kind, r.key as K)) s.classes[r.cls] = (s.classes[r.cls] ?? 0) + r.n;
  }
  for (const r of sent) {
    for (const s of both(r.kind, r.key as K)) {
      s.sent += r.sent;
      s.answered += r.answered;
    }
  }
  const per = (kind: SurveyKind, key: K | typeof TOTAL) => {
    const s = sums.get(kind)?.get(key);
    return scoreLine(s?.classes ?? {}, { sent: s?.sent ?? 0, answered: s?.answered ?? 0 });
  };
  return Object.fromEntries(
    SURVEY_KINDS.map((kind) => [
      kind,
      { total: per(kind, TOTAL), rows: keys.map((key) => ({ key, ...per(kind, key) })) },
    ]),
  ) as Record<SurveyKind, { total: ScoreLine; rows: (ScoreLine & { key: K })[] }>;
}

export const STAYING_CLASSES = ["promoter", "passive", "detractor", "no_answer"] as const;
export type StayingClass = (typeof STAYING_CLASSES)[number];

export type StayingRow = {
  cls: StayingClass;
  accounts: number;
  repurchased: number;
  repurchaseRate: number | null;
  defected: number;
  defectionRate: number | null;
};

/**
 * "Does satisfaction predict staying": per answer class (and for accounts asked that did not answer), how
 * many accounts bought again and how many defected (lapsed or were lost) within N days. Every class listed.
 */
export function stayingRows(
  rows: ReadonlyArray<{ cls: string; accounts: number; repurchased: number; defected: number }>,
): StayingRow[] {
  return STAYING_CLASSES.map((cls) => {
    const r = rows.find((x) => x.cls === cls);
    const accounts = r?.accounts ?? 0;
    return {
      cls,
      accounts,
      repurchased: r?.repurchased ?? 0,
      repurchaseRate: accounts ? (r?.repurchased ?? 0) / accounts : null,
      defected: r?.defected ?? 0,
      defectionRate: accounts ? (r?.defected ?? 0) / accounts : null,
    };
  });
}

/** The literature's word-of-mouth figures (domain.md §5) shown beside the share of new accounts by referral. */
export const WORD_OF_MOUTH = { friendRecommendation: 0.63, tv: 0.25 } as const;
