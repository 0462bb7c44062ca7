import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accounts, contacts } from "./accounts";
import { tasks } from "./activities";
import { users } from "./auth";
import { orders } from "./orders";

export const DEAL_STATUSES = ["open", "won", "lost", "no_decision"] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const CLOSED_STATUSES = ["won", "lost", "no_decision"] as const;
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];

/**
 * The competitors deals are lost to, kept as a list (issue #12 §8: free text made "Brightline" and
 * "Brightline Supply" two bars). name_key is the trimmed, lower-cased name: one entry per spelling. A name not
 * on the list is kept on the deal as competitor_other ("other").
 */
export const competitors = sqliteTable("competitors", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  nameKey: text("name_key").notNull().unique(),
  createdById: text("created_by_id").references(() => users.id),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

/**
 * A piece of business. The open stage is a name from the dealStages setting; closing sets status, the
 * owner's stated reasons and the close date. `segment` is the account's segment copied at creation and at
 * closing, so the dashboard filters and groups without joining 100k accounts. `reviewedAt` mirrors the
 * review's existence for the review queue's partial indexes.
 */
export const deals = sqliteTable(
  "deals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    amount: integer("amount").notNull(),
    category: text("category"),
    segment: text("segment"),
    expectedCloseAt: integer("expected_close_at"),
    stage: text("stage").notNull(),
    status: text("status", { enum: DEAL_STATUSES }).notNull().default("open"),
    closedAt: integer("closed_at"),
    /** Months since year 0 of closed_at (UTC): the dashboard groups by month or quarter without strftime. */
    closedMonth: integer("closed_month"),
    ownerReason: text("owner_reason"),
    /** JSON array of reason keys. */
    ownerSecondaryReasons: text("owner_secondary_reasons").notNull().default("[]"),
    /** Who the deal was lost to, from the list; or, for one not on it, competitorOther (the name typed). */
    competitorId: integer("competitor_id").references(() => competitors.id, { onDelete: "set null" }),
    competitorOther: text("competitor_other"),
    closeNote: text("close_note"),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at"),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("deals_account_idx").on(t.accountId, t.createdAt),
    index("deals_owner_status_idx").on(t.ownerId, t.status, t.createdAt),
    // The deals list, newest first: everyone's, and one owner's whatever the status.
    index("deals_created_idx").on(t.createdAt),
    index("deals_owner_created_idx").on(t.ownerId, t.createdAt),
    index("deals_status_created_idx").on(t.status, t.createdAt),
    // CSAT after a won deal: the deals won in the last days, from the index (the survey job, every ten minutes).
    index("deals_status_closed_idx").on(t.status, t.closedAt),
    // The dashboard reads a period's closed deals from these alone, grouped in index order (no sort): win rates
    // by month and owner, by month and segment; owners' reasons; lost deals by competitor (with amounts).
    index("deals_month_owner_idx").on(t.closedMonth, t.status, t.ownerId, t.segment),
    index("deals_month_segment_idx").on(t.closedMonth, t.status, t.segment, t.ownerId),
    index("deals_month_reason_idx").on(t.closedMonth, t.status, t.ownerReason, t.ownerId, t.segment),
    index("deals_lost_competitor_idx").on(
      t.status,
      t.closedMonth,
      t.competitorId,
      t.competitorOther,
      t.ownerId,
      t.segment,
      t.amount,
    ),
    // A competitor's deals (the list's counts, a merge); names typed as "other", to add them to the list.
    index("deals_competitor_idx").on(t.competitorId),
    index("deals_competitor_other_idx").on(t.competitorOther).where(sql`${t.competitorOther} IS NOT NULL`),
    // The review queue: closed deals without a review, newest first or largest first.
    index("deals_unreviewed_recent_idx")
      .on(t.closedAt, t.id)
      .where(sql`${t.reviewedAt} IS NULL AND ${t.status} <> 'open'`),
    index("deals_unreviewed_amount_idx")
      .on(t.amount, t.id)
      .where(sql`${t.reviewedAt} IS NULL AND ${t.status} <> 'open'`),
  ],
);

/** Every stage change of an open deal, and the close itself. */
export const dealStageMoves = sqliteTable(
  "deal_stage_moves",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    fromStage: text("from_stage"),
    toStage: text("to_stage").notNull(),
    at: integer("at").notNull(),
    byUserId: text("by_user_id").references(() => users.id),
  },
  (t) => [index("deal_stage_moves_deal_idx").on(t.dealId, t.at)],
);

/**
 * The independent review of a closed deal: someone outside the deal spoke to a buyer contact and recorded
 * the buyer's reasons. One review per deal. Outcome, owner, segment, owner reason and close date are copied
 * from the deal so the dashboard's agreement matrix reads one index.
 */
export const dealReviews = sqliteTable(
  "deal_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    dealId: integer("deal_id")
      .notNull()
      .unique()
      .references(() => deals.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    buyerContactId: integer("buyer_contact_id").references(() => contacts.id, { onDelete: "set null" }),
    spokeAt: integer("spoke_at").notNull(),
    primaryReason: text("primary_reason").notNull(),
    secondaryReasons: text("secondary_reasons").notNull().default("[]"),
    buyerWords: text("buyer_words").notNull(),
    outcome: text("outcome", { enum: CLOSED_STATUSES }).notNull(),
    closedAt: integer("closed_at").notNull(),
    closedMonth: integer("closed_month").notNull(),
    ownerId: text("owner_id").notNull(),
    segment: text("segment"),
    ownerReason: text("owner_reason").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    // Buyers' reasons per outcome, the owner × buyer pairs, and per owner, a period at a time in index order.
    index("deal_reviews_month_reason_idx").on(
      t.closedMonth,
      t.outcome,
      t.primaryReason,
      t.ownerId,
      t.segment,
    ),
    index("deal_reviews_month_pair_idx").on(
      t.closedMonth,
      t.ownerReason,
      t.primaryReason,
      t.ownerId,
      t.segment,
    ),
    index("deal_reviews_month_owner_idx").on(
      t.closedMonth,
      t.ownerId,
      t.ownerReason,
      t.primaryReason,
      t.segment,
    ),
  ],
);

/** What a review says must be done: win the business back (lost) or keep it (won). Each is a task. */
export const dealReviewActions = sqliteTable(
  "deal_review_actions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reviewId: integer("review_id")
      .notNull()
      .references(() => dealReviews.id, { onDelete: "cascade" }),
    dealId: integer("deal_id")
      .notNull()
      .references(() => deals.id, { onDelete: "cascade" }),
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("deal_review_actions_deal_idx").on(t.dealId),
    index("deal_review_actions_task_idx").on(t.taskId),
  ],
);

export const DEAL_ROLLUP_KINDS = [
  "owner",
  "segment",
  "reason",
  "competitor",
  "buyer",
  "pair",
  "reviewOwner",
] as const;

/**
 * The win/loss dashboard's counts per closing month (issue #12 §1), kept by triggers on deals and deal_reviews
 * (migration 0022's hand-written part, with the backfill), so an unfiltered period reads a few hundred rows
 * instead of every deal closed in it. One row per kind and key ('' stands for none):
 * - owner: closed deals by status (k1) and owner (k2); segment: by status and segment; reason: by status and
 *   the owner's reason; competitor: lost deals by competitor id (k1) and whether a name was typed as "other"
 *   (k2 '1'), with their amount;
 * - buyer: reviews by outcome and the buyer's reason; pair: by the owner's reason and the buyer's; reviewOwner:
 *   by owner (k1), with how many agree and how many name price on either side.
 * Rows whose n falls to 0 are deleted. A filter on owners or segment reads the deals' indexes instead.
 */
export const dealRollup = sqliteTable(
  "deal_rollup",
  {
    kind: text("kind", { enum: DEAL_ROLLUP_KINDS }).notNull(),
    month: integer("month").notNull(),
    k1: text("k1").notNull(),
    k2: text("k2").notNull(),
    n: integer("n").notNull(),
    amount: integer("amount").notNull(),
    agreed: integer("agreed").notNull(),
    priceClaimed: integer("price_claimed").notNull(),
    priceGiven: integer("price_given").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.k1, t.k2] })],
);
