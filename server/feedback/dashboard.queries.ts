// The feedback dashboard's survey side (issue #13 §4): NPS and CSAT over time with counts and response rates,
// by rung, level, segment or owner, CSAT by complaint outcome, and whether satisfaction predicts staying.
// The plain computation is a GROUP BY over a month range of surveys_answers_idx (answers) or surveys_sent_idx
// (surveys sent); both carry the account's rung, level, segment and owner as they were when surveyed. Counts per
// month and one dimension are read from the rollups (survey_answer_rollup, survey_sent_rollup, kept by
// triggers), and for one dimension's value beside another dimension (a filter and a breakdown, two filters)
// from the pair rollups (survey_answer_pair_rollup, survey_sent_pair_rollup), for the whole months of the
// window, and from the surveys for the month still running (its rows up to now only), so both paths give the
// same answer (dashboard-rollups.test.ts).

import { type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { ALL_RUNGS, LEVELS, type SurveyKind, type SurveyRollupDim } from "@/db/schema";
import { lastMonthsWindow, monthIndexesOf, periodLabel } from "@/lib/periods";
import { type AnswerRow, matureBefore, type SentRow, scoreLines, stayingRows } from "./dashboard.rules";
import type { Breakdown, FeedbackDashboardFilters } from "./dashboard.schemas";

const ANSWERS = sql.raw("surveys s INDEXED BY surveys_answers_idx");
const SENT = sql.raw("surveys s INDEXED BY surveys_sent_idx");
// One owner's answers and surveys sent: that owner's rows alone.
const OWNER_ANSWERS = sql.raw("surveys s INDEXED BY surveys_owner_answers_idx");
const OWNER_SENT = sql.raw("surveys s INDEXED BY surveys_owner_sent_idx");
const DAY = 86_400_000;

const FILTERS = [
  ["segment", "segment"],
  ["ownerId", "owner"],
  ["rung", "rung"],
  ["level", "level"],
] as const satisfies readonly (readonly [keyof FeedbackDashboardFilters, SurveyRollupDim])[];

/** The filters on surveys aliased `alias` ("+p." keeps the planner off other indexes in a lookup). */
function scope(f: FeedbackDashboardFilters, alias = "s."): SQL[] {
  const col = (name: string) => sql.raw(`${alias}${name}`);
  const parts: SQL[] = [];
  if (f.segment) parts.push(sql`${col("segment")} = ${f.segment}`);
  if (f.ownerId) parts.push(sql`${col("owner_id")} = ${f.ownerId}`);
  if (f.rung) parts.push(sql`${col("rung")} = ${f.rung}`);
  if (f.level) parts.push(sql`${col("level")} = ${f.level}`);
  return parts;
}

/**
 * The whole months' counts for these filters, per value of `by` (null: per month), as two sub-selects of (kind,
 * key, cls, n) and (kind, key, sent, answered): from the one-dimension rollups without filters or with one
 * filter beside no breakdown or a breakdown on it; from the pair rollups with one filter beside a breakdown on
 * another dimension, or two filters beside no breakdown or a breakdown on one of them; from the cubes (no owner)
 * for more dimensions than a pair without the owner. Null otherwise (the owner beside two more dimensions): then
 * the plain query answers, one owner's rows through the owner indexes. `kinds` is a condition on r.kind.
 */
function rollupSource(
  f: FeedbackDashboardFilters,
  by: SurveyRollupDim | null,
  kinds: SQL,
  first: number,
  last: number,
): { answers: SQL; sent: SQL } | null {
  const set = FILTERS.filter(([k]) => f[k]).map(([k, dim]) => ({ dim, value: f[k] as string }));
  const months = sql`r.month BETWEEN ${first} AND ${last - 1}`;
  const select = (table: "single" | "pair", where: SQL) => {
    const value = sql.raw(table === "single" ? "r.value" : "r.b_value");
    const key = by ? sql`nullif(${value}, '')` : sql.raw("r.month");
    const [answers, sent] =
      table === "single"
        ? [sql.raw("survey_answer_rollup"), sql.raw("survey_sent_rollup")]
        : [sql.raw("survey_answer_pair_rollup"), sql.raw("survey_sent_pair_rollup")];
    return {
      answers: sql`SELECT r.kind, ${key} AS key, r.cls, r.n FROM ${answers} r WHERE ${where}`,
      sent: sql`SELECT r.kind, ${key} AS key, r.sent, r.answered FROM ${sent} r WHERE ${where}`,
    };
  };
  const [one, two, ...more] = set;
  if (!one) return select("single", sql`r.dim = ${by ?? "level"} AND ${kinds} AND ${months}`);
  if (!two && (by === null || by === one.dim)) {
    return select("single", sql`r.dim = ${one.dim} AND r.value = ${one.value} AND ${kinds} AND ${months}`);
  }
  // The pair (a, b): b is the breakdown (or, per month, the second filter), a the filter beside it.
  let a = one;
  let b: { dim: SurveyRollupDim; value: string | null } | null = null;
  if (more.length) b = null;
  else if (!two) b = { dim: by as SurveyRollupDim, value: null };
  else if (by === null || by === two.dim) b = two;
  else if (by === one.dim) [a, b] = [two, one];
  if (b) {
    return select(
      "pair",
      sql`r.a_dim = ${a.dim} AND r.a_value = ${a.value} AND r.b_dim = ${b.dim} AND ${kinds} AND ${months}
        ${b.value === null ? sql`` : sql`AND r.b_value = ${b.value}`}`,
    );
  }
  // More dimensions than a pair, none of them the owner: the cubes (rung, level, segment, outcome).
  if (by === "owner" || set.some((x) => x.dim === "owner")) return null;
  const key = by ? sql`nullif(${CUBE[by]}, '')` : sql.raw("r.month");
  const where = sql.join([kinds, months, ...set.map((x) => sql`${CUBE[x.dim]} = ${x.value}`)], sql` AND `);
  return {
    answers: sql`SELECT r.kind, ${key} AS key, r.cls, r.n FROM survey_answer_cube r WHERE ${where}`,
    sent: sql`SELECT r.kind, ${key} AS key, r.sent, r.answered FROM survey_sent_cube r WHERE ${where}`,
  };
}

const CUBE: Record<SurveyRollupDim, SQL> = {
  rung: sql.raw("r.rung"),
  level: sql.raw("r.level"),
  segment: sql.raw("r.segment"),
  owner: sql.raw("r.owner"), // not in the cubes: views with the owner and two more dimensions read the rows
  outcome: sql.raw("r.outcome"),
};

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
  const source =
    rollups && last > first
      ? rollupSource(f, by, sql`r.kind IN ('nps', 'csat_complaint', 'csat_deal')`, first, last)
      : null;
  const key = by ? COLUMN[by] : null;
  // One owner's rows through the owner indexes. (Per owner beside filters no rollup keys, the owner indexes
  // read unsorted only when the planner skip-scans them, which depends on the statistics: 59 -> 73 ms with a
  // seeded database's full ones, so the month range of the others stays.)
  const [answersFrom, sentFrom] = rollups && f.ownerId ? [OWNER_ANSWERS, OWNER_SENT] : [ANSWERS, SENT];
  // The plain query over the whole period.
  if (!source) {
    return {
      answers: db.all<AnswerRow>(
        sql`SELECT s.kind, ${key ?? sql.raw("s.answer_month")} AS key, s.answer_class AS cls, count(*) AS n
          FROM ${answersFrom} WHERE ${KINDS} AND ${answered()} GROUP BY 1, 2, 3`,
      ),
      sentRows: db.all<SentRow>(
        sql`SELECT s.kind, ${key ?? sql.raw("s.sent_month")} AS key, count(*) AS sent, count(s.answered_at) AS answered
          FROM ${sentFrom} WHERE ${KINDS} AND ${sent()} GROUP BY 1, 2`,
      ),
    };
  }
  // One statement per side: the rollup's whole months and the running month's rows, summed together.
  const answers = db.all<AnswerRow>(
    sql`SELECT kind, key, cls, sum(n) AS n FROM (
        ${source.answers}
        UNION ALL
        SELECT s.kind, ${key ?? sql.raw("s.answer_month")}, s.answer_class, 1
        FROM ${answersFrom} WHERE ${KINDS} AND ${answered(undefined, last)}
      ) GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
  );
  const sentRows = db.all<SentRow>(
    sql`SELECT kind, key, sum(sent) AS sent, sum(answered) AS answered FROM (
        ${source.sent}
        UNION ALL
        SELECT s.kind, ${key ?? sql.raw("s.sent_month")}, 1, s.answered_at IS NOT NULL
        FROM ${sentFrom} WHERE ${KINDS} AND ${sent(undefined, last)}
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
  const answersFrom = rollups && f.ownerId ? OWNER_ANSWERS : ANSWERS;
  const source =
    rollups && last > first ? rollupSource(f, "outcome", sql`r.kind = 'csat_complaint'`, first, last) : null;
  const answers = source
    ? db.all<AnswerRow>(
        sql`SELECT kind, key, cls, sum(n) AS n FROM (
            ${source.answers}
            UNION ALL
            SELECT s.kind, s.complaint_outcome, s.answer_class, 1 FROM ${answersFrom}
            WHERE s.kind = 'csat_complaint' AND ${answered(undefined, last)}
          ) GROUP BY 1, 2, 3 HAVING sum(n) > 0`,
      )
    : db.all<AnswerRow>(
        sql`SELECT s.kind, s.complaint_outcome AS key, s.answer_class AS cls, count(*) AS n
          FROM ${answersFrom} WHERE s.kind = 'csat_complaint' AND ${answered()} GROUP BY 1, 2, 3`,
      );
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
 * Whether the answer `s` is its account's first of its class from `from` on among the answers the filters keep:
 * so when prev_class_at (the account's previous answer of the class, kept by triggers) is before `from`; else,
 * with filters, when none of the account's answers of that class since `from` and before it is kept.
 */
function firstOfClass(f: FeedbackDashboardFilters, from: number): SQL {
  const first = sql`(s.prev_class_at IS NULL OR s.prev_class_at < ${from})`;
  const kept = scope(f, "+p.");
  if (!kept.length) return first;
  return sql`(${first} OR NOT EXISTS (SELECT 1 FROM surveys p WHERE p.account_id = s.account_id
    AND +p.kind = 'nps' AND +p.answered_at IS NOT NULL AND +p.answer_class = s.answer_class
    AND +p.answered_at >= ${from}
    AND (+p.answered_at < s.answered_at OR (+p.answered_at = s.answered_at AND p.id < s.id))
    AND ${sql.join(kept, sql` AND `)}))`;
}

/**
 * Whether the survey `s` is the first its account was sent from `from` on and none of those sent before
 * `mature` was answered: read from prev_sent_at and answered_from_sent_at (kept by triggers). Without filters
 * only (with filters the plain grouping answers).
 */
function firstSentUnanswered(from: number, mature: number): SQL {
  return sql`(s.prev_sent_at IS NULL OR s.prev_sent_at < ${from})
    AND (s.answered_from_sent_at IS NULL OR s.answered_from_sent_at >= ${mature})`;
}

/**
 * Does satisfaction predict staying: accounts that answered the relationship survey in the period, per
 * class of their answer (an account counts once per class, at its first answer of that class), and accounts
 * asked in the period that answered none; of each, how many ordered again and how many lapsed or were lost
 * within N days of answering (of being asked). Only answers and surveys whose N days have passed count.
 * Without filters the firsts are read from the rows themselves (prev_class_at, prev_sent_at and
 * answered_from_sent_at, kept by triggers) through the staying indexes: no grouping by account. With filters,
 * grouped per account through the staying indexes by account; `rollups` false, the plain grouping.
 */
export function stayingByClass(db: Db, f: FeedbackDashboardFilters, now = Date.now(), rollups = true) {
  const { range, answered, sent } = context(f, now);
  const mature = Math.min(range.to, matureBefore(now, f.days));
  const n = f.days * DAY;
  const outcome = (at: SQL) => sql`count(*) AS accounts,
    sum(next_order_at IS NOT NULL AND next_order_at <= ${at} + ${n}) AS repurchased,
    sum(defected_at IS NOT NULL AND defected_at <= ${at} + ${n}) AS defected`;
  const kept = scope(f).map((c) => sql` AND ${c}`);
  type Row = { cls: string; accounts: number; repurchased: number; defected: number };
  // With filters, each account's first kept answer of a class (first kept survey sent) is its group's, read per
  // account in index order (no sort: 1.6x-3x faster than sorting the period's rows at 100k accounts); the
  // flags above cannot say which kept answer is first when the filtered column changed between answers.
  const [answersFrom, answeredWhere, sentFrom, sentWhere] =
    rollups && kept.length
      ? [
          sql.raw("surveys s INDEXED BY surveys_staying_account_answers_idx"),
          sql`s.answered_at IS NOT NULL AND s.answered_at >= ${range.from} AND s.answered_at < ${mature}${sql.join(kept)}`,
          sql.raw("surveys s INDEXED BY surveys_staying_account_sent_idx"),
          sql`s.sent_at >= ${range.from} AND s.sent_at < ${mature}${sql.join(kept)}`,
        ]
      : [ANSWERS, answered(mature), SENT, sent(mature)];
  const rows =
    rollups && !kept.length
      ? db.all<Row>(
          sql`SELECT s.answer_class AS cls, ${outcome(sql.raw("s.answered_at"))}
            FROM surveys s INDEXED BY surveys_staying_answers_idx
            WHERE s.kind = 'nps' AND s.answered_at IS NOT NULL AND s.answer_class IN ('promoter', 'passive', 'detractor')
              AND s.answered_at >= ${range.from} AND s.answered_at < ${mature} AND ${firstOfClass(f, range.from)}
            GROUP BY 1
            UNION ALL
            SELECT 'no_answer' AS cls, ${outcome(sql.raw("s.sent_at"))}
            FROM surveys s INDEXED BY surveys_staying_sent_idx
            WHERE s.kind = 'nps' AND s.sent_at >= ${range.from} AND s.sent_at < ${mature}
              AND ${firstSentUnanswered(range.from, mature)}`,
        )
      : db.all<Row>(
          sql`SELECT cls, ${outcome(sql.raw("at"))} FROM (
              SELECT s.account_id, s.answer_class AS cls, min(s.answered_at) AS at, s.next_order_at, s.defected_at
              FROM ${answersFrom} WHERE s.kind = 'nps' AND ${answeredWhere} GROUP BY s.account_id, s.answer_class
            ) GROUP BY cls
            UNION ALL
            SELECT 'no_answer' AS cls, ${outcome(sql.raw("at"))} FROM (
              SELECT s.account_id, min(s.sent_at) AS at, s.next_order_at, s.defected_at,
                sum(s.answered_at IS NOT NULL) AS answers
              FROM ${sentFrom} WHERE s.kind = 'nps' AND ${sentWhere} GROUP BY s.account_id
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
  // Each account's first promoter answer in the period (among those the filters keep): read as such from the
  // rows (firstOfClass), or grouped per account for the plain computation.
  const firsts = rollups
    ? sql`SELECT s.account_id, s.answered_at AS at, s.defected_at, s.id
          FROM surveys s INDEXED BY surveys_staying_answers_idx
          WHERE s.kind = 'nps' AND s.answered_at IS NOT NULL AND s.answer_class = 'promoter'
            AND s.answered_at >= ${range.from} AND s.answered_at < ${mature}
            AND s.defected_at IS NOT NULL AND s.defected_at <= s.answered_at + ${n}
            ${sql.join(scope(f).map((c) => sql` AND ${c}`))} AND ${firstOfClass(f, range.from)}`
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
