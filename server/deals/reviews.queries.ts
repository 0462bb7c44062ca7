// Independent win/loss reviews (domain.md §3): someone outside the deal asks the buyer why; their findings
// sit beside the owner's, and the actions they set (win it back / keep it) become tasks.

import { TRPCError } from "@trpc/server";
import { and, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  accounts,
  complaints,
  contacts,
  dealReviewActions,
  dealReviews,
  deals,
  orders,
  type TaskKind,
  tasks,
  users,
} from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { periodIndex } from "@/lib/periods";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, forbidden, isUniqueViolation, notFound } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { emitWebhookEvents } from "../webhooks/webhooks.emit";
import { competitorNameOf } from "./competitors.queries";
import { findVisibleDeal, getDeal, requireReasons } from "./deals.queries";
import type { CreateReviewInput } from "./deals.schemas";
import { dealsSettings } from "./deals.settings";
import { REVIEW_REFUSAL_MESSAGES, reviewRefusal } from "./win-loss.rules";

const TASK_KIND_FOR: Record<string, TaskKind> = {
  lost: "win_back",
  won: "keep_business",
  no_decision: "follow_up",
};

/** Why the actor may not review this deal, or null when they may (and it has no review yet). */
export function reviewBlock(
  db: Db,
  actor: Actor,
  deal: { id: number; ownerId: string; status: string; reviewedAt: number | null },
  accountOwnerId: string | null,
) {
  if (deal.reviewedAt !== null) return "This deal already has a review.";
  const refusal = reviewRefusal(
    actor,
    { ...deal, accountOwnerId },
    getSetting(db, dealsSettings.reviewPolicy),
  );
  return refusal ? REVIEW_REFUSAL_MESSAGES[refusal] : null;
}

/** The review of a deal with its actions and their task status, or null. */
export function findReview(db: Db, dealId: number, now = Date.now()) {
  const review = db
    .select({
      review: dealReviews,
      reviewerName: users.name,
      contactName: contacts.name,
    })
    .from(dealReviews)
    .innerJoin(users, eq(users.id, dealReviews.reviewerId))
    .leftJoin(contacts, eq(contacts.id, dealReviews.buyerContactId))
    .where(eq(dealReviews.dealId, dealId))
    .get();
  if (!review) return null;
  const actions = db
    .select({
      taskId: tasks.id,
      title: tasks.title,
      titleKey: tasks.titleKey,
      titleParams: tasks.titleParams,
      dueAt: tasks.dueAt,
      doneAt: tasks.doneAt,
      assigneeName: users.name,
    })
    .from(dealReviewActions)
    .innerJoin(tasks, eq(tasks.id, dealReviewActions.taskId))
    .innerJoin(users, eq(users.id, tasks.assigneeId))
    .where(eq(dealReviewActions.reviewId, review.review.id))
    .orderBy(tasks.dueAt)
    .all()
    .map((a) => ({ ...a, state: a.doneAt ? "done" : a.dueAt < now ? "overdue" : "open" }));
  return {
    ...review.review,
    secondaryReasons: JSON.parse(review.review.secondaryReasons) as string[],
    reviewerName: review.reviewerName,
    contactName: review.contactName,
    actions,
  };
}

/**
 * What the reviewer sees before speaking to the buyer (the checklist's "customer's details and history",
 * shown, not retyped): the deal, the account and its rung, recent orders, earlier deals and the contacts.
 */
export function reviewContext(db: Db, actor: Actor, dealId: number) {
  const { deal, accountOwnerId } = findVisibleDeal(db, actor, dealId, true);
  const account = db
    .select({
      id: accounts.id,
      name: accounts.name,
      rung: accounts.rung,
      status: accounts.status,
      level: accounts.level,
      segment: accounts.segment,
      orderCount: accounts.orderCount,
      revenue: accounts.revenue,
      firstOrderAt: accounts.firstOrderAt,
      lastOrderAt: accounts.lastOrderAt,
    })
    .from(accounts)
    .where(eq(accounts.id, deal.accountId))
    .get();
  if (!account) throw notFound("Account");
  const recentOrders = db
    .select({ id: orders.id, orderedAt: orders.orderedAt, amount: orders.amount, category: orders.category })
    .from(orders)
    .where(eq(orders.accountId, deal.accountId))
    .orderBy(desc(orders.orderedAt))
    .limit(5)
    .all();
  const earlierDeals = db
    .select({
      id: deals.id,
      title: deals.title,
      amount: deals.amount,
      status: deals.status,
      closedAt: deals.closedAt,
      ownerReason: deals.ownerReason,
    })
    .from(deals)
    .where(and(eq(deals.accountId, deal.accountId), ne(deals.id, deal.id)))
    .orderBy(desc(deals.createdAt))
    .limit(10)
    .all();
  const accountContacts = db
    .select({ id: contacts.id, name: contacts.name, title: contacts.title })
    .from(contacts)
    .where(eq(contacts.accountId, deal.accountId))
    .orderBy(contacts.name)
    .limit(200)
    .all();
  const owner = db.select({ name: users.name }).from(users).where(eq(users.id, deal.ownerId)).get();
  const accountComplaints = db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      category: complaints.category,
      status: complaints.status,
      receivedAt: complaints.receivedAt,
    })
    .from(complaints)
    .where(eq(complaints.accountId, deal.accountId))
    .orderBy(desc(complaints.receivedAt))
    .limit(5)
    .all();
  return {
    deal: {
      ...deal,
      ownerSecondaryReasons: JSON.parse(deal.ownerSecondaryReasons) as string[],
      competitorName: competitorNameOf(db, deal),
    },
    ownerName: owner?.name ?? "",
    account,
    complaints: accountComplaints,
    recentOrders,
    earlierDeals,
    contacts: accountContacts,
    review: findReview(db, deal.id),
    blocked: reviewBlock(db, actor, deal, accountOwnerId),
    reasons: getSetting(db, dealsSettings.winLossReasons),
  };
}

export function createReview(db: Db, actor: Actor, input: CreateReviewInput, now = Date.now()) {
  if (input.spokeAt > now + 86_400_000) {
    throw new FieldError("BAD_REQUEST", { spokeAt: ["The conversation cannot be in the future."] });
  }
  try {
    return inTransaction(db, (t) => {
      const { deal, accountOwnerId } = findVisibleDeal(t, actor, input.dealId, true);
      const blocked = reviewBlock(t, actor, deal, accountOwnerId);
      if (blocked) {
        throw deal.reviewedAt !== null
          ? new TRPCError({ code: "CONFLICT", message: blocked })
          : forbidden(blocked);
      }
      if (deal.status === "open" || deal.closedAt === null || deal.ownerReason === null) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Only a closed deal can be reviewed." });
      }
      requireReasons(t, "primaryReason", [input.primaryReason]);
      requireReasons(t, "secondaryReasons", input.secondaryReasons);
      if (input.buyerContactId) {
        const contact = t
          .select({ accountId: contacts.accountId })
          .from(contacts)
          .where(eq(contacts.id, input.buyerContactId))
          .get();
        if (contact?.accountId !== deal.accountId) {
          throw new FieldError("BAD_REQUEST", {
            buyerContactId: ["Choose one of this account's contacts."],
          });
        }
      }
      const assigneeIds = [...new Set(input.actions.map((a) => a.assigneeId))];
      const active = new Set(
        assigneeIds.length
          ? t
              .select({ id: users.id })
              .from(users)
              .where(and(inArray(users.id, assigneeIds), eq(users.active, true)))
              .all()
              .map((u) => u.id)
          : [],
      );
      const badAssignee = input.actions.findIndex((a) => !active.has(a.assigneeId));
      if (badAssignee >= 0) {
        throw new FieldError("BAD_REQUEST", {
          [`actions.${badAssignee}.assigneeId`]: ["Choose an active user to do this."],
        });
      }
      const review = t
        .insert(dealReviews)
        .values({
          dealId: deal.id,
          reviewerId: actor.id,
          buyerContactId: input.buyerContactId ?? null,
          spokeAt: input.spokeAt,
          primaryReason: input.primaryReason,
          secondaryReasons: JSON.stringify(input.secondaryReasons),
          buyerWords: input.buyerWords,
          outcome: deal.status,
          closedAt: deal.closedAt,
          closedMonth: deal.closedMonth ?? periodIndex(deal.closedAt, "month"),
          ownerId: deal.ownerId,
          segment: deal.segment,
          ownerReason: deal.ownerReason,
          createdAt: now,
        })
        .returning()
        .get();
      t.update(deals).set({ reviewedAt: now, updatedAt: now }).where(eq(deals.id, deal.id)).run();
      const kind = TASK_KIND_FOR[deal.status] ?? "follow_up";
      for (const action of input.actions) {
        const task = t
          .insert(tasks)
          .values({
            accountId: deal.accountId,
            assigneeId: action.assigneeId,
            dueAt: action.dueAt,
            title: action.title,
            kind,
            createdById: actor.id,
            createdAt: now,
          })
          .returning({ id: tasks.id })
          .get();
        t.insert(dealReviewActions).values({ reviewId: review.id, dealId: deal.id, taskId: task.id }).run();
      }
      recordAudit(t, {
        actorId: actor.id,
        action: "deal.review",
        entity: "deal",
        entityId: deal.id,
        after: {
          primaryReason: input.primaryReason,
          ownerReason: deal.ownerReason,
          actions: input.actions.length,
        },
        at: now,
      });
      emitWebhookEvents(t, [
        {
          event: "deal.reviewed",
          at: now,
          accountId: deal.accountId,
          data: {
            deal: { id: deal.id, title: deal.title, outcome: deal.status, ownerReason: deal.ownerReason },
            review: {
              primaryReason: input.primaryReason,
              secondaryReasons: input.secondaryReasons,
              buyerWords: input.buyerWords,
              spokeAt: new Date(input.spokeAt).toISOString(),
            },
          },
        },
      ]);
      return review;
    });
  } catch (error) {
    if (isUniqueViolation(error, "deal_reviews.")) {
      throw new TRPCError({ code: "CONFLICT", message: "This deal already has a review." });
    }
    throw error;
  }
}

/**
 * Closed deals without a review, newest or largest first (partial indexes on unreviewed closed deals; the
 * joins are forced to start there, the planner otherwise starts from users), and the review coverage of the
 * last 12 months (this one included): reviewed / closed, by close date.
 */
export function reviewQueue(
  db: Db,
  actor: Actor,
  input: { sort: "recent" | "largest"; offset: number; limit: number },
  now = Date.now(),
) {
  const [index, order] =
    input.sort === "largest"
      ? [sql.raw("deals_unreviewed_amount_idx"), sql`d.amount DESC, d.id DESC`]
      : [sql.raw("deals_unreviewed_recent_idx"), sql`d.closed_at DESC, d.id DESC`];
  const items = db.all<{
    id: number;
    title: string;
    amount: number;
    status: "won" | "lost" | "no_decision";
    closedAt: number;
    ownerReason: string;
    accountId: number;
    accountName: string;
    ownerName: string;
    ownerId: string;
    accountOwnerId: string | null;
  }>(sql`SELECT d.id, d.title, d.amount, d.status, d.closed_at AS closedAt, d.owner_reason AS ownerReason,
      d.account_id AS accountId, a.name AS accountName, u.name AS ownerName, d.owner_id AS ownerId,
      a.owner_id AS accountOwnerId
    FROM deals d INDEXED BY ${index} CROSS JOIN accounts a CROSS JOIN users u
    WHERE a.id = d.account_id AND u.id = d.owner_id AND d.reviewed_at IS NULL AND d.status <> 'open'
    ORDER BY ${order} LIMIT ${input.limit + 1} OFFSET ${input.offset}`);
  const sinceMonth = periodIndex(now, "month") - 11;
  const since = Date.UTC(Math.floor(sinceMonth / 12), sinceMonth % 12, 1);
  const unreviewed =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM deals INDEXED BY deals_unreviewed_recent_idx
        WHERE reviewed_at IS NULL AND status <> 'open' AND closed_at >= ${since}`,
    )?.n ?? 0;
  const reviewed =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM deal_reviews INDEXED BY deal_reviews_month_owner_idx WHERE closed_month >= ${sinceMonth}`,
    )?.n ?? 0;
  const closed = reviewed + unreviewed;
  // Whether this reader may review each deal, by the same rule createReview applies (never their own deals).
  const policy = getSetting(db, dealsSettings.reviewPolicy);
  return {
    items: items.slice(0, input.limit).map(({ ownerId, accountOwnerId, ...item }) => ({
      ...item,
      reviewRefusal: reviewRefusal(actor, { ownerId, accountOwnerId, status: item.status }, policy),
    })),
    hasMore: items.length > input.limit,
    coverage: { since, closed, reviewed, share: closed ? reviewed / closed : null },
  };
}

/** A deal's page: the deal, its stage history, its review, and whether the actor may write or review it. */
export function getDealPage(db: Db, actor: Actor, dealId: number) {
  const page = getDeal(db, actor, dealId);
  const review = findReview(db, dealId);
  const reviewBlocked = review ? null : reviewBlock(db, actor, page.deal, page.accountOwnerId);
  return { ...page, review, canReview: page.deal.status !== "open" && !review && reviewBlocked === null };
}
