// The feedback dashboard's survey side (issue #13 §4): NPS and CSAT over time with counts and response rates,
// by rung, level, segment or owner, CSAT by complaint outcome, and whether satisfaction predicts staying.
// The plain computation is a GROUP BY over a month range of surveys_answers_idx (answers) or surveys_sent_idx
// (surveys sent); both carry the account's rung, level, segment and owner as they were when surveyed. Counts per
// month and one dimension are read from the rollups (survey_answer_rollup, survey_sent_rollup, kept by
// triggers) for the whole months of the window, and from the surveys for the month still running (its rows
// up to now only), so both paths give the same answer (dashboard-rollups.test.ts).

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ALL_RUNGS, LEVELS, type SurveyKind, type SurveyRollupDim } from "@/db/schema";
import { lastMonthsWindow, monthIndexesOf, periodLabel } from "@/lib/periods";
import { type AnswerRow, matureBefore, type SentRow, scoreLines, stayingRows } from "./dashboard.rules";
import type { Breakdown, FeedbackDashboardFilters } from "./dashboard.schemas";

const ANSWERS = sql.raw("surveys s INDEXED BY surveys_answers_idx");
const SENT = sql.raw("surveys s INDEXED BY surveys_sent_idx");
const DAY = 86_400_000;

const FILTERS = [
  ["segment", "segment"],
  ["ownerId", "owner"],
  ["rung", "rung"],
  ["level", "level"],
] as const satisfies readonly (readonly [keyof FeedbackDashboardFilters, SurveyRollupDim])[];

function scope(f: FeedbackDashboardFilters): SQL[] {
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`s.segment = ${f.segment}`);
  if (f.ownerId) parts.push(sql`s.owner_id = ${f.ownerId}`);
  if (f.rung) parts.push(sql`s.rung = ${f.rung}`);
  if (f.level) parts.push(sql`s.level = ${f.level}`);
  return parts;
}

/**
 * The rollup rows that answer for these filters grouped by `by` (null: per month), or null when they cannot
 * (two filters, or a filter on another dimension than the breakdown): then the plain query answers.
 */
function rollupSlice(
  f: FeedbackDashboardFilters,
  by: SurveyRollupDim | null,
): { dim: SurveyRollupDim; value: string | null } | null {
  const set = FILTERS.filter(([k]) => f[k]);
  if (set.length === 0) return { dim: by ?? "level", value: null };
  const [only] = set;
  if (set.length > 1 || !only || (by !== null && by !== only[1])) return null;
  return { dim: only[1], value: f[only[0]] as string };
}

function context(f: FeedbackDashboardFilters, now: number) {
  const range = lastMonthsWindow(now, f.months);
  const months = monthIndexesOf(range);
  const first = months[0] ?? 0;
  const last = months[months.length - 1] ?? 0;
  const answered = (to = range.to, from = first) =>
    sql.join(
      [
        sql`s.answered_at IS NOT NULL`,
        sql`s.answer_month BETWEEN ${from} AND ${last}`,
        sql`s.answered_at >= ${range.from} AND s.answered_at < ${to}`,
        ...scope(f),
      ],
      sql` AND `,
    );
  const sent = (to = range.to, from = first) =>
    sql.join(
      [
        sql`s.sent_month BETWEEN ${from} AND ${last}`,
        sql`s.sent_at >= ${range.from} AND s.sent_at < ${to}`,
        ...scope(f),
      ],
      sql` AND `,
    );
  return { range, months, first, last, answered, sent };
}

const KINDS = sql`s.kind IN ('nps', 'csat_complaint', 'csat_deal')`;

/**
 * Per month and kind: answers by class (by the month answered) and surveys sent with how many of them were
 * answered (by the month sent: a month's response rate is its own surveys'). Totals over the period.
 */
export function surveyScores(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { range, months } = context(f, now);
  const { answers, sentRows } = countsBy(db, f, now, null, rollups);
  const lines = scoreLines(months, answers, sentRows);
  const series = (kind: SurveyKind) => ({
    total: lines[kind].total,
    periods: lines[kind].rows.map(({ key, ...line }) => ({ period: periodLabel(key, "month"), ...line })),
  });
  return {
    from: range.from,
    to: range.to,
    nps: series("nps"),
    csatComplaint: series("csat_complaint"),
    csatDeal: series("csat_deal"),
  };
}

const COLUMN: Record<SurveyRollupDim, SQL> = {
  rung: sql.raw("s.rung"),
  level: sql.raw("s.level"),
  segment: sql.raw("s.segment"),
  owner: sql.raw("s.owner_id"),
  outcome: sql.raw("s.complaint_outcome"),
};

/**
 * Answers by class and surveys sent (and answered), per kind and per month (`by` null) or per value of `by`;
 * `rollups` false computes from the surveys alone (the tests compare both).
 */
function countsBy(db: Db, f: FeedbackDashboardFilters, now: number, by: Breakdown | null, rollups: boolean) {
  const { first, last, answered, sent } = context(f, now);
  const slice = rollups ? rollupSlice(f, by) : null;
  const key = by ? COLUMN[by] : null;
  // The plain query over the months from `from` on (all of them, or the month still running).
  const plain = (from: number) => ({
    answers: db.all<AnswerRow>(
      sql`SELECT s.kind, ${key ?? sql.raw("s.answer_month")} AS key, s.answer_class AS cls, count(*) AS n
        FROM ${ANSWERS} WHERE ${KINDS} AND ${answered(undefined, from)} GROUP BY 1, 2, 3`,
    ),
    sentRows: db.all<SentRow>(
      sql`SELECT s.kind, ${key ?? sql.raw("s.sent_month")} AS key, count(*) AS sent, count(s.answered_at) AS answered
        FROM ${SENT} WHERE ${KINDS} AND ${sent(undefined, from)} GROUP BY 1, 2`,
    ),
  });
  if (!slice || last <= first) return plain(first);
  // One statement per side: the rollup's whole months and the running month's rows, summed together.
  const where = sql`r.dim = ${slice.dim} AND r.kind IN ('nps', 'csat_complaint', 'csat_deal')
    AND r.month BETWEEN ${first} AND ${last - 1} ${slice.value === null ? sql`` : sql`AND r.value = ${slice.value}`}`;
  const rollupKey = by ? sql.raw("nullif(r.value, '')") : sql.raw("r.month");
  const answers = db.all<AnswerRow>(
    sql`SELECT kind, key, cls, sum(n) AS n FROM (
        SELECT r.kind, ${rollupKey} AS key, r.cls, r.n FROM survey_answer_rollup r WHERE ${where}
        UNION ALL
        SELECT s.kind, ${key ?? sql.raw("s.answer_month")}, s.answer_class, 1
        FROM ${ANSWERS} WHERE ${KINDS} AND ${answered(undefined, last)}
      ) GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
  );
  const sentRows = db.all<SentRow>(
    sql`SELECT kind, key, sum(sent) AS sent, sum(answered) AS answered FROM (
        SELECT r.kind, ${rollupKey} AS key, r.sent, r.answered FROM survey_sent_rollup r WHERE ${where}
        UNION ALL
        SELECT s.kind, ${key ?? sql.raw("s.sent_month")}, 1, s.answered_at IS NOT NULL
        FROM ${SENT} WHERE ${KINDS} AND ${sent(undefined, last)}
      ) GROUP BY 1, 2 HAVING sum(sent) > 0`,
  );
  return { answers, sentRows };
}

/**
 * NPS and CSAT over the period by one dimension (rung, level, segment or owner, as the account was when
 * surveyed), with counts and response rates. Rungs and levels come in ladder order, segments and owners by
 * name; accounts without one are the "none" row (key null).
 */
export function surveyBreakdown(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { answers, sentRows } = countsBy(db, f, now, f.by, rollups);
  const seen = new Set<string | null>([...answers, ...sentRows].map((r) => (r.key as string | null) ?? null));
  let keys: (string | null)[];
  let names = new Map<string, string>();
  if (f.by === "rung" || f.by === "level") {
    const order: readonly string[] = f.by === "rung" ? ALL_RUNGS : LEVELS;
    keys = [...order.filter((k) => seen.has(k)), ...(seen.has(null) ? [null] : [])];
  } else {
    if (f.by === "owner") {
      const ids = [...seen].filter((k): k is string => k !== null);
      names = new Map(
        ids.length
          ? db
              .all<{ id: string; name: string }>(
                sql`SELECT id, name FROM users WHERE id IN (${sql.join(
                  ids.map((id) => sql`${id}`),
                  sql`, `,
                )})`,
              )
              .map((u) => [u.id, u.name])
          : [],
      );
    }
    const label = (k: string) => names.get(k) ?? k;
    keys = [
      ...[...seen].filter((k): k is string => k !== null).sort((a, b) => label(a).localeCompare(label(b))),
      ...(seen.has(null) ? [null] : []),
    ];
  }
  const lines = scoreLines(keys, answers, sentRows);
  const rows = (kind: SurveyKind) =>
    lines[kind].rows
      .filter((r) => r.sent > 0 || r.answered > 0 || r.promoters + r.passives + r.detractors > 0)
      .map((r) => ({ ...r, label: r.key === null ? null : (names.get(r.key) ?? r.key) }));
  return { by: f.by, nps: rows("nps"), csatComplaint: rows("csat_complaint"), csatDeal: rows("csat_deal") };
}

export const COMPLAINT_OUTCOMES = ["resolved_quickly", "resolved", "unresolved", "unacknowledged"] as const;

/** CSAT after complaints by how the complaint ended (its outcome when the survey went out). */
export function csatByOutcome(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { first, last, answered } = context(f, now);
  const plain = (from: number) =>
    db.all<AnswerRow>(
      sql`SELECT s.kind, s.complaint_outcome AS key, s.answer_class AS cls, count(*) AS n
        FROM ${ANSWERS} WHERE s.kind = 'csat_complaint' AND ${answered(undefined, from)} GROUP BY 1, 2, 3`,
    );
  const slice = rollups ? rollupSlice(f, "outcome") : null;
  const answers =
    slice && last > first
      ? db.all<AnswerRow>(
          sql`SELECT kind, key, cls, sum(n) AS n FROM (
              SELECT r.kind, r.value AS key, r.cls, r.n FROM survey_answer_rollup r
              WHERE r.dim = 'outcome' AND r.kind = 'csat_complaint' AND r.month BETWEEN ${first} AND ${last - 1}
              UNION ALL
              SELECT s.kind, s.complaint_outcome, s.answer_class, 1 FROM ${ANSWERS}
              WHERE s.kind = 'csat_complaint' AND ${answered(undefined, last)}
            ) GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
        )
      : plain(first);
  const lines = scoreLines(COMPLAINT_OUTCOMES, answers, []);
  return lines.csat_complaint.rows.map(({ key, satisfied, neutral, dissatisfied, csat }) => ({
    outcome: key,
    answered: satisfied + neutral + dissatisfied,
    satisfied,
    neutral,
    dissatisfied,
    csat,
  }));
}

/**
 * Does satisfaction predict staying: accounts that answered the relationship survey in the period, per
 * class of their answer (an account counts once per class, at its first answer of that class), and accounts
 * asked in the period that answered none; of each, how many ordered again and how many lapsed or were lost
 * within N days of answering (of being asked). Only answers and surveys whose N days have passed count.
 * Without filters the firsts are read from the rows themselves (prev_class_at, prev_sent_at and
 * answered_from_sent_at, kept by triggers): no grouping by account. `rollups` false: the plain grouping.
 */
export function stayingByClass(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { range, answered, sent } = context(f, now);
  const mature = Math.min(range.to, matureBefore(now, f.days));
  const n = f.days * DAY;
  const outcome = (at: SQL) => sql`count(*) AS accounts,
    sum(next_order_at IS NOT NULL AND next_order_at <= ${at} + ${n}) AS repurchased,
    sum(defected_at IS NOT NULL AND defected_at <= ${at} + ${n}) AS defected`;
  type Row = { cls: string; accounts: number; repurchased: number; defected: number };
  const rows =
    rollups && scope(f).length === 0
      ? db.all<Row>(
          sql`SELECT s.answer_class AS cls, ${outcome(sql.raw("s.answered_at"))}
            FROM surveys s INDEXED BY surveys_staying_answers_idx
            WHERE s.kind = 'nps' AND s.answered_at IS NOT NULL AND s.answer_class IN ('promoter', 'passive', 'detractor')
              AND s.answered_at >= ${range.from} AND s.answered_at < ${mature}
              AND (s.prev_class_at IS NULL OR s.prev_class_at < ${range.from})
            GROUP BY 1
            UNION ALL
            SELECT 'no_answer' AS cls, ${outcome(sql.raw("s.sent_at"))}
            FROM surveys s INDEXED BY surveys_staying_sent_idx
            WHERE s.kind = 'nps' AND s.sent_at >= ${range.from} AND s.sent_at < ${mature}
              AND (s.prev_sent_at IS NULL OR s.prev_sent_at < ${range.from})
              AND (s.answered_from_sent_at IS NULL OR s.answered_from_sent_at >= ${mature})`,
        )
      : db.all<Row>(
          sql`SELECT cls, ${outcome(sql.raw("at"))} FROM (
              SELECT s.account_id, s.answer_class AS cls, min(s.answered_at) AS at, s.next_order_at, s.defected_at
              FROM ${ANSWERS} WHERE s.kind = 'nps' AND ${answered(mature)} GROUP BY s.account_id, s.answer_class
            ) GROUP BY cls
            UNION ALL
            SELECT 'no_answer' AS cls, ${outcome(sql.raw("at"))} FROM (
              SELECT s.account_id, min(s.sent_at) AS at, s.next_order_at, s.defected_at,
                sum(s.answered_at IS NOT NULL) AS answers
              FROM ${SENT} WHERE s.kind = 'nps' AND ${sent(mature)} GROUP BY s.account_id
            ) WHERE answers = 0`,
        );
  const classes = stayingRows(rows);
  const promoters = classes.find((c) => c.cls === "promoter");
  return {
    days: f.days,
    matureBefore: mature,
    from: range.from,
    rows: classes,
    promotersDefected: { count: promoters?.defected ?? 0, share: promoters?.defectionRate ?? null },
  };
}

/** The promoters who defected within N days of answering, latest defection first, a page at a time. */
export function defectedPromoters(
  db: Db,
  f: FeedbackDashboardFilters & { page: number; limit: number },
  now = Date.now(),
  rollups = true,
) {
  const { range, answered } = context(f, now);
  const mature = Math.min(range.to, matureBefore(now, f.days));
  const n = f.days * DAY;
  // Each account's first promoter answer in the period: read as such (prev_class_at before the period) without
  // filters, else grouped per account.
  const firsts =
    rollups && scope(f).length === 0
      ? sql`SELECT s.account_id, s.answered_at AS at, s.defected_at, s.id
          FROM surveys s INDEXED BY surveys_staying_answers_idx
          WHERE s.kind = 'nps' AND s.answered_at IS NOT NULL AND s.answer_class = 'promoter'
            AND s.answered_at >= ${range.from} AND s.answered_at < ${mature}
            AND (s.prev_class_at IS NULL OR s.prev_class_at < ${range.from})
            AND s.defected_at IS NOT NULL AND s.defected_at <= s.answered_at + ${n}`
      : sql`SELECT s.account_id, min(s.answered_at) AS at, s.defected_at, s.id
          FROM ${ANSWERS} WHERE s.kind = 'nps' AND s.answer_class = 'promoter' AND ${answered(mature)}
          GROUP BY s.account_id`;
  const rows = db.all<{
    accountId: number;
    accountName: string;
    ownerName: string | null;
    status: string;
    lostReason: string | null;
    score: number;
    comment: string | null;
    answeredAt: number;
    defectedAt: number;
  }>(
    sql`SELECT p.account_id AS accountId, a.name AS accountName, u.name AS ownerName, a.status,
        a.lost_reason AS lostReason, x.score, x.comment, p.at AS answeredAt, p.defected_at AS defectedAt
      FROM (${firsts}) p
      JOIN surveys x ON x.id = p.id
      JOIN accounts a ON a.id = p.account_id
      LEFT JOIN users u ON u.id = a.owner_id
      WHERE p.defected_at IS NOT NULL AND p.defected_at <= p.at + ${n}
      ORDER BY p.defected_at DESC, p.account_id DESC
      LIMIT ${f.limit + 1} OFFSET ${f.page * f.limit}`,
  );
  return { items: rows.slice(0, f.limit), hasMore: rows.length > f.limit, page: f.page };
}
