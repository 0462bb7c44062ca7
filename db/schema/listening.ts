// Listening to customers (issue #13, domain.md §6): feedback any customer interface records on an account, and
// surveys (relationship NPS, CSAT after a complaint or a won deal) sent as one-time links. Times are epoch ms.
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { accounts, contacts, LEVELS } from "./accounts";
import { tasks } from "./activities";
import { LOCALES, users } from "./auth";
import { COMPLAINT_CHANNELS, complaints } from "./complaints";
import { deals } from "./deals";

/** Every person who touches customers is a customer interface (domain.md §6). */
export const CUSTOMER_INTERFACES = [
  "sales",
  "service",
  "technical_support",
  "delivery",
  "billing",
  "marketing",
  "supply_chain",
  "r_and_d",
  "production",
  "channel_partner",
] as const;
export type CustomerInterface = (typeof CUSTOMER_INTERFACES)[number];

/** The channels feedback arrives through are the complaint channels, so a problem becomes a complaint as is. */
export const FEEDBACK_CHANNELS = COMPLAINT_CHANNELS;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const SENTIMENTS = ["praise", "suggestion", "problem"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

/** noted: nothing to do; open: an owner acts by the due date (a task); closed: done, with what was done. */
export const FEEDBACK_STATUSES = ["noted", "open", "closed"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

const monthOf = (column: string) =>
  sql.raw(
    `(CAST(strftime('%Y', "${column}" / 1000, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', "${column}" / 1000, 'unixepoch') AS INTEGER) - 1)`,
  );

export const feedback = sqliteTable(
  "feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    /** What the customer said, in their words. */
    words: text("words").notNull(),
    interface: text("interface", { enum: CUSTOMER_INTERFACES }).notNull(),
    channel: text("channel", { enum: FEEDBACK_CHANNELS }).notNull(),
    sentiment: text("sentiment", { enum: SENTIMENTS }).notNull(),
    /** A theme from the feedbackThemes setting (kept as recorded when the list changes later). */
    theme: text("theme").notNull(),
    receivedAt: integer("received_at").notNull(),
    /** year * 12 + month - 1 of received_at (UTC), as the complaints dashboard's received_month. */
    receivedMonth: integer("received_month").generatedAlwaysAs(monthOf("received_at"), { mode: "virtual" }),
    /** Who shared it: credited on the dashboard. */
    recordedById: text("recorded_by_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: FEEDBACK_STATUSES }).notNull().default("noted"),
    actionOwnerId: text("action_owner_id").references(() => users.id),
    actionDueAt: integer("action_due_at"),
    taskId: integer("task_id").references(() => tasks.id, { onDelete: "set null" }),
    /** When action was asked for: the wait is measured from here to closed_at. */
    actionAt: integer("action_at"),
    closedAt: integer("closed_at"),
    closedById: text("closed_by_id").references(() => users.id),
    /** What was done. */
    resolution: text("resolution"),
    closeMs: integer("close_ms").generatedAlwaysAs(sql`("closed_at" - "action_at")`, { mode: "virtual" }),
    customerToldAt: integer("customer_told_at"),
    complaintId: integer("complaint_id").references(() => complaints.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("feedback_account_idx").on(t.accountId, t.receivedAt),
    // The dashboard's themes and credit for some accounts (a segment, owner, rung or level as they are now):
    // from those accounts' rows, covering.
    index("feedback_account_themes_idx").on(
      t.accountId,
      t.receivedAt,
      t.theme,
      t.interface,
      t.sentiment,
      t.recordedById,
    ),
    // Lists, newest first: everything, one sentiment, one theme, one status.
    index("feedback_received_idx").on(t.receivedAt, t.id),
    index("feedback_sentiment_idx").on(t.sentiment, t.receivedAt, t.id),
    index("feedback_theme_idx").on(t.theme, t.receivedAt, t.id),
    // Waiting for action, by due date: everyone's, and one owner's.
    index("feedback_open_idx").on(t.actionDueAt, t.id).where(sql`${t.status} = 'open'`),
    index("feedback_owner_open_idx")
      .on(t.actionOwnerId, t.actionDueAt, t.id)
      .where(sql`${t.status} = 'open'`),
    // The dashboard reads a period's months from this index alone: themes by interface and sentiment,
    // staff credited, what is waiting and how long closing took.
    index("feedback_dashboard_idx").on(
      t.receivedMonth,
      t.receivedAt,
      t.theme,
      t.interface,
      t.sentiment,
      t.recordedById,
      t.status,
      t.actionAt,
      t.closeMs,
    ),
    // Time to close feedback asked for in a period (the dashboard filters on action_at, and on the account with
    // its filters): covering, so the median and p90 walk the index alone.
    index("feedback_close_ms_idx")
      .on(t.closeMs, t.actionAt, t.accountId)
      .where(sql`${t.closeMs} IS NOT NULL`),
  ],
);

export const SURVEY_KINDS = ["nps", "csat_complaint", "csat_deal"] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** NPS classes (0–6, 7–8, 9–10) and CSAT classes (1–2, 3, 4–5). */
export const ANSWER_CLASSES = [
  "promoter",
  "passive",
  "detractor",
  "satisfied",
  "neutral",
  "dissatisfied",
] as const;
export type AnswerClass = (typeof ANSWER_CLASSES)[number];

/**
 * One survey sent to one person as a one-time link (the token), and its answer once given. The account's
 * owner, rung, level and segment are copied when it is sent, so response rates and scores group by what the
 * account was at the time without joining accounts.
 */
/** What happened after a survey and the filters' columns, as surveyed: the tail of the staying indexes by account. */
function stayingOutcomeAndFilters(t: {
  nextOrderAt: AnySQLiteColumn;
  defectedAt: AnySQLiteColumn;
  rung: AnySQLiteColumn;
  level: AnySQLiteColumn;
  segment: AnySQLiteColumn;
  ownerId: AnySQLiteColumn;
}) {
  return [t.nextOrderAt, t.defectedAt, t.rung, t.level, t.segment, t.ownerId] as const;
}

export const surveys = sqliteTable(
  "surveys",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    /** The link's secret: random, unguessable, used once. */
    token: text("token").notNull(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    contactId: integer("contact_id").references(() => contacts.id, { onDelete: "set null" }),
    /** Where the link was mailed; null when staff hand the link over themselves (chat, a call). */
    email: text("email"),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** What the survey is for (a schedule wave, a complaint, a deal): one survey per source. */
    sourceKey: text("source_key"),
    complaintId: integer("complaint_id").references(() => complaints.id, { onDelete: "set null" }),
    dealId: integer("deal_id").references(() => deals.id, { onDelete: "set null" }),
    /** How the complaint ended (the complaints dashboard's outcomes), for CSAT by outcome. */
    complaintOutcome: text("complaint_outcome"),
    ownerId: text("owner_id").references(() => users.id),
    rung: text("rung"),
    level: text("level", { enum: LEVELS }),
    segment: text("segment"),
    sentById: text("sent_by_id").references(() => users.id),
    sentAt: integer("sent_at").notNull(),
    sentMonth: integer("sent_month").generatedAlwaysAs(monthOf("sent_at"), { mode: "virtual" }),
    expiresAt: integer("expires_at").notNull(),
    answeredAt: integer("answered_at"),
    answerMonth: integer("answer_month").generatedAlwaysAs(monthOf("answered_at"), { mode: "virtual" }),
    score: integer("score"),
    answerClass: text("answer_class", { enum: ANSWER_CLASSES }).generatedAlwaysAs(
      sql`(CASE WHEN "score" IS NULL THEN NULL WHEN "kind" = 'nps' THEN
        CASE WHEN "score" >= 9 THEN 'promoter' WHEN "score" >= 7 THEN 'passive' ELSE 'detractor' END
        ELSE CASE WHEN "score" >= 4 THEN 'satisfied' WHEN "score" = 3 THEN 'neutral' ELSE 'dissatisfied' END END)`,
      { mode: "virtual" },
    ),
    /** The open question's answer, in the customer's words. */
    comment: text("comment"),
    /** "Close the loop": the follow-up task a detractor or a CSAT 1–2 gives the account's owner. */
    followUpTaskId: integer("follow_up_task_id").references(() => tasks.id, { onDelete: "set null" }),
    loopClosedAt: integer("loop_closed_at"),
    loopClosedById: text("loop_closed_by_id").references(() => users.id),
    loopNote: text("loop_note"),
    loopMs: integer("loop_ms").generatedAlwaysAs(sql`("loop_closed_at" - "answered_at")`, {
      mode: "virtual",
    }),
    /**
     * The account's first order after the answer (or, unanswered, after sending) and its first defection
     * (active → lapsed or lost) after it; kept by triggers on orders, ladder moves and surveys (migration's
     * hand-written part), so "does satisfaction predict staying" is arithmetic on an index.
     */
    nextOrderAt: integer("next_order_at"),
    defectedAt: integer("defected_at"),
    /**
     * For "does satisfaction predict staying" without grouping by account (relationship surveys only; kept by
     * triggers, migration 0026): the account's previous answer of the same class (answered_at, by answered_at
     * then id), the account's previous survey sent (sent_at, by sent_at then id), and the sent_at of the first
     * answered survey of the account from this one on (this one included). An answer is its account's first
     * of its class in a window when prev_class_at is before the window; a survey is the first the account was
     * sent in a window when prev_sent_at is before it, and none of the window's was answered when
     * answered_from_sent_at is at or after the window's end.
     */
    prevClassAt: integer("prev_class_at"),
    prevSentAt: integer("prev_sent_at"),
    answeredFromSentAt: integer("answered_from_sent_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("surveys_token_uq").on(t.token),
    uniqueIndex("surveys_source_uq").on(t.sourceKey),
    index("surveys_account_idx").on(t.accountId, t.sentAt),
    // The schedule: the last relationship survey each contact got.
    index("surveys_contact_idx").on(t.contactId, t.kind, t.sentAt),
    index("surveys_complaint_idx").on(t.complaintId),
    index("surveys_deal_idx").on(t.dealId),
    // The dashboard: answers per month by class and by what the account was, with what happened after.
    index("surveys_answers_idx")
      .on(
        t.kind,
        t.answerMonth,
        t.answeredAt,
        t.answerClass,
        t.score,
        t.rung,
        t.level,
        t.segment,
        t.ownerId,
        t.complaintOutcome,
        t.nextOrderAt,
        t.defectedAt,
        t.accountId,
      )
      .where(sql`${t.answeredAt} IS NOT NULL`),
    // Response rates: surveys sent per month, answered or not, by what the account was.
    index("surveys_sent_idx").on(
      t.kind,
      t.sentMonth,
      t.sentAt,
      t.answeredAt,
      t.rung,
      t.level,
      t.segment,
      t.ownerId,
      t.nextOrderAt,
      t.defectedAt,
      t.accountId,
    ),
    // One owner's answers and surveys sent per month (the filtered views the rollups leave to the rows: an owner
    // beside two other dimensions), with what the account was; migration 0029.
    index("surveys_owner_answers_idx")
      .on(
        t.ownerId,
        t.kind,
        t.answerMonth,
        t.answeredAt,
        t.answerClass,
        t.rung,
        t.level,
        t.segment,
        t.complaintOutcome,
      )
      .where(sql`${t.answeredAt} IS NOT NULL`),
    index("surveys_owner_sent_idx").on(
      t.ownerId,
      t.kind,
      t.sentMonth,
      t.sentAt,
      t.answeredAt,
      t.rung,
      t.level,
      t.segment,
    ),
    // Does satisfaction predict staying, and the promoters who defected: each class's answers of a period (the
    // first of their class per account have prev_class_at before it) and the surveys sent in it (the first per
    // account have prev_sent_at before it), with what happened after.
    // With the filters' columns (rung, level, segment, owner as surveyed) and the account, so the filtered views
    // read the same index alone (issue #13 §5, migration 0029).
    index("surveys_staying_answers_idx")
      .on(
        t.answerClass,
        t.answeredAt,
        t.prevClassAt,
        t.nextOrderAt,
        t.defectedAt,
        t.accountId,
        t.rung,
        t.level,
        t.segment,
        t.ownerId,
      )
      .where(sql`${t.kind} = 'nps' AND ${t.answeredAt} IS NOT NULL`),
    index("surveys_staying_sent_idx")
      .on(
        t.sentAt,
        t.prevSentAt,
        t.answeredFromSentAt,
        t.nextOrderAt,
        t.defectedAt,
        t.accountId,
        t.rung,
        t.level,
        t.segment,
        t.ownerId,
      )
      .where(sql`${t.kind} = 'nps'`),
    // The same with filters, per account in time order: each account's first answer of a class (first survey
    // sent) among those the filters keep is a group read in index order, no sort (issue #13 §5, 0032).
    index("surveys_staying_account_answers_idx")
      .on(t.accountId, t.answerClass, t.answeredAt, ...stayingOutcomeAndFilters(t))
      .where(sql`${t.kind} = 'nps' AND ${t.answeredAt} IS NOT NULL`),
    index("surveys_staying_account_sent_idx")
      .on(t.accountId, t.sentAt, t.answeredAt, ...stayingOutcomeAndFilters(t))
      .where(sql`${t.kind} = 'nps'`),
    // Answers that need the loop closed, oldest first; and the closure times for median and p90.
    index("surveys_loop_open_idx")
      .on(t.answeredAt, t.id)
      .where(sql`${t.followUpTaskId} IS NOT NULL AND ${t.loopClosedAt} IS NULL`),
    index("surveys_loop_ms_idx").on(t.loopMs, t.answeredAt, t.accountId).where(sql`${t.loopMs} IS NOT NULL`),
    // Lists of answers, newest first.
    index("surveys_answered_idx").on(t.answeredAt, t.id).where(sql`${t.answeredAt} IS NOT NULL`),
  ],
);

/**
 * Who the relationship survey may go to (issue #12 §1): the contacts with an address of active customers (an
 * order or more), each with its account's level and when it was last sent a relationship survey (0: never).
 * The schedule job reads who is due from its index, a range per level, instead of every account's contacts.
 * Kept by triggers on contacts, accounts and surveys (migration 0027's hand-written part), for every writer.
 */
export const surveyDue = sqliteTable(
  "survey_due",
  {
    contactId: integer("contact_id")
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    level: text("level", { enum: LEVELS }).notNull(),
    lastSentAt: integer("last_sent_at").notNull(),
  },
  (t) => [index("survey_due_idx").on(t.level, t.lastSentAt, t.contactId)],
);

/**
 * What the dashboard breaks surveys down by (the account as it was when surveyed), and the complaint's outcome
 * for CSAT after complaints. Rollup rows store a missing value as '' (no rung, level, segment, owner or
 * outcome is ever the empty string).
 */
export const SURVEY_ROLLUP_DIMS = ["rung", "level", "segment", "owner", "outcome"] as const;
export type SurveyRollupDim = (typeof SURVEY_ROLLUP_DIMS)[number];

/**
 * Rollup for the feedback dashboard (issue #13 §5): answers per kind, month answered (answer_month), class and
 * one dimension's value, kept by triggers on surveys (migration 0026, for the app, the seed and imports alike),
 * so NPS and CSAT per month and by rung, level, segment, owner or complaint outcome read a few thousand rows
 * instead of 200k answers. Every answer counts once per dimension.
 */
export const surveyAnswerRollup = sqliteTable(
  "survey_answer_rollup",
  {
    dim: text("dim", { enum: SURVEY_ROLLUP_DIMS }).notNull(),
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    value: text("value").notNull(),
    cls: text("cls", { enum: ANSWER_CLASSES }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.kind, t.month, t.value, t.cls] })],
);

/**
 * Rollup beside it: surveys sent per kind, month sent (sent_month) and one dimension's value (rung, level,
 * segment, owner), and how many of them are answered by now: the response rates.
 */
export const surveySentRollup = sqliteTable(
  "survey_sent_rollup",
  {
    dim: text("dim", { enum: SURVEY_ROLLUP_DIMS }).notNull(),
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    value: text("value").notNull(),
    sent: integer("sent").notNull(),
    answered: integer("answered").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.kind, t.month, t.value] })],
);

/** The survey dimensions a pair rollup is filtered on (the page's filters): all but the complaint's outcome. */
export const SURVEY_FILTER_DIMS = ["rung", "level", "segment", "owner"] as const;
export type SurveyFilterDim = (typeof SURVEY_FILTER_DIMS)[number];

/**
 * Rollup for the feedback dashboard's filtered views (issue #13 §5, migration 0029): answers per kind, month
 * answered and class, for one value of a filter dimension (a_dim = a_value) and each value of another dimension
 * (b_dim: b_value), so "NPS by owner for one level", "by rung for one segment", "CSAT by outcome for one rung"
 * and two filters together read one value's rows instead of the period's answers. Every ordered pair of
 * distinct dimensions (a: rung, level, segment, owner; b: those and the outcome, the outcome for complaint
 * surveys only); kept by triggers on surveys like survey_answer_rollup; '' for a missing value.
 */
export const surveyAnswerPairRollup = sqliteTable(
  "survey_answer_pair_rollup",
  {
    aDim: text("a_dim", { enum: SURVEY_FILTER_DIMS }).notNull(),
    aValue: text("a_value").notNull(),
    bDim: text("b_dim", { enum: SURVEY_ROLLUP_DIMS }).notNull(),
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    bValue: text("b_value").notNull(),
    cls: text("cls", { enum: ANSWER_CLASSES }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.aDim, t.aValue, t.bDim, t.kind, t.month, t.bValue, t.cls] })],
);

/**
 * Beside it: surveys sent (and how many answered) per kind and month sent, for each ordered pair of filter
 * dimensions.
 */
export const surveySentPairRollup = sqliteTable(
  "survey_sent_pair_rollup",
  {
    aDim: text("a_dim", { enum: SURVEY_FILTER_DIMS }).notNull(),
    aValue: text("a_value").notNull(),
    bDim: text("b_dim", { enum: SURVEY_FILTER_DIMS }).notNull(),
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    bValue: text("b_value").notNull(),
    sent: integer("sent").notNull(),
    answered: integer("answered").notNull(),
  },
  (t) => [primaryKey({ columns: [t.aDim, t.aValue, t.bDim, t.kind, t.month, t.bValue] })],
);

/**
 * Rollups of feedback per month received (received_month), kept by triggers on feedback (migration 0026): pieces
 * per theme, interface and sentiment (the Pareto bars and the theme × interface matrix), and per person who
 * shared them and interface, with how many were problems (credit).
 */
export const feedbackThemeRollup = sqliteTable(
  "feedback_theme_rollup",
  {
    month: integer("month").notNull(),
    theme: text("theme").notNull(),
    interface: text("interface", { enum: CUSTOMER_INTERFACES }).notNull(),
    sentiment: text("sentiment", { enum: SENTIMENTS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.theme, t.interface, t.sentiment] })],
);

export const feedbackCreditRollup = sqliteTable(
  "feedback_credit_rollup",
  {
    month: integer("month").notNull(),
    recordedById: text("recorded_by_id").notNull(),
    interface: text("interface", { enum: CUSTOMER_INTERFACES }).notNull(),
    n: integer("n").notNull(),
    problems: integer("problems").notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.recordedById, t.interface] })],
);

/**
 * Rollups of feedback for the themes and credit of some accounts (issue #13 §5, migration 0029): as
 * feedback_theme_rollup and feedback_credit_rollup, per value of one dimension of the account as it is now
 * (rung, level, segment, owner; '' for none). Kept by triggers on feedback and, when an account's rung, level,
 * segment or owner changes, on accounts (its pieces move from the old value to the new).
 */
export const FEEDBACK_ACCOUNT_DIMS = ["rung", "level", "segment", "owner"] as const;
export type FeedbackAccountDim = (typeof FEEDBACK_ACCOUNT_DIMS)[number];

export const feedbackThemeDimRollup = sqliteTable(
  "feedback_theme_dim_rollup",
  {
    dim: text("dim", { enum: FEEDBACK_ACCOUNT_DIMS }).notNull(),
    value: text("value").notNull(),
    month: integer("month").notNull(),
    theme: text("theme").notNull(),
    interface: text("interface", { enum: CUSTOMER_INTERFACES }).notNull(),
    sentiment: text("sentiment", { enum: SENTIMENTS }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.value, t.month, t.theme, t.interface, t.sentiment] })],
);

export const feedbackCreditDimRollup = sqliteTable(
  "feedback_credit_dim_rollup",
  {
    dim: text("dim", { enum: FEEDBACK_ACCOUNT_DIMS }).notNull(),
    value: text("value").notNull(),
    month: integer("month").notNull(),
    recordedById: text("recorded_by_id").notNull(),
    interface: text("interface", { enum: CUSTOMER_INTERFACES }).notNull(),
    n: integer("n").notNull(),
    problems: integer("problems").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dim, t.value, t.month, t.recordedById, t.interface] })],
);

/**
 * The answers' cube without the owner (issue #13 §5, migration 0029): answers per kind, month answered, rung,
 * level, segment, complaint outcome (as surveyed; '' for none) and class, so any filters and breakdown over
 * those dimensions (two filters beside a breakdown on a third, three filters) read a few hundred rows a month
 * instead of the month's answers. Kept by triggers on surveys; beside it the surveys sent likewise.
 */
export const surveyAnswerCube = sqliteTable(
  "survey_answer_cube",
  {
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    rung: text("rung").notNull(),
    level: text("level").notNull(),
    segment: text("segment").notNull(),
    outcome: text("outcome").notNull(),
    cls: text("cls", { enum: ANSWER_CLASSES }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.rung, t.level, t.segment, t.outcome, t.cls] })],
);

export const surveySentCube = sqliteTable(
  "survey_sent_cube",
  {
    kind: text("kind", { enum: SURVEY_KINDS }).notNull(),
    month: integer("month").notNull(),
    rung: text("rung").notNull(),
    level: text("level").notNull(),
    segment: text("segment").notNull(),
    sent: integer("sent").notNull(),
    answered: integer("answered").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.rung, t.level, t.segment] })],
);
