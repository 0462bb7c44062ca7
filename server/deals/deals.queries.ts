// Deals: create, list, move between open stages, close with the owner's reasons (and an order when won).

import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, inArray, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedByShape, preparedPerDb } from "@/db/prepared";
import { accounts, type DealStatus, dealStageMoves, deals, users } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { periodIndex } from "@/lib/periods";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, forbidden, notFound } from "../errors";
import { createOrder } from "../orders/orders.queries";
import { getSetting } from "../settings/settings.queries";
import { decodeTimeCursor, encodeTimeCursor } from "../time-cursor";
import { emitWebhookEvents } from "../webhooks/webhooks.emit";
import { competitorNameOf, resolveDealCompetitor } from "./competitors.queries";
import type { CloseDealInput, CreateDealInput, ListDealsInput } from "./deals.schemas";
import { dealsSettings } from "./deals.settings";
import { canWriteDeal } from "./win-loss.rules";

/** Roles that own deals (and may be given one by a sales lead). */
export const DEAL_OWNER_ROLES = ["account_manager", "sales_lead", "admin"] as const;

/** Account managers see deals they own or that sit on accounts they own; every other role sees all. */
export function dealVisibility(actor: Actor): SQL | undefined {
  if (actor.role !== "account_manager") return undefined;
  return or(eq(deals.ownerId, actor.id), eq(accounts.ownerId, actor.id));
}

/** Throws a field error unless every key is in the reason taxonomy (a setting). */
export function requireReasons(db: Db, field: string, keys: readonly string[]) {
  const taxonomy = getSetting(db, dealsSettings.winLossReasons);
  const unknown = keys.filter((k) => !taxonomy.includes(k));
  if (unknown.length) {
    throw new FieldError("BAD_REQUEST", { [field]: [`Not a reason in the list: ${unknown.join(", ")}.`] });
  }
}

function requireDealOwner(db: Db, ownerId: string) {
  const owner = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.active, true), inArray(users.role, [...DEAL_OWNER_ROLES])))
    .get();
  if (!owner)
    throw new FieldError("BAD_REQUEST", { ownerId: ["Choose an active salesperson as the owner."] });
}

export function createDeal(db: Db, actor: Actor, input: CreateDealInput, now = Date.now()) {
  return inTransaction(db, (t) => {
    const account = t
      .select({ id: accounts.id, ownerId: accounts.ownerId, segment: accounts.segment })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .get();
    if (!account) throw notFound("Account");
    if (actor.role === "account_manager" && account.ownerId !== actor.id) {
      throw forbidden("You can only add deals to accounts you own.");
    }
    const ownerId = actor.role === "account_manager" ? actor.id : (input.ownerId ?? actor.id);
    if (ownerId !== actor.id) requireDealOwner(t, ownerId);
    const stages = getSetting(t, dealsSettings.dealStages);
    const stage = input.stage ?? stages[0] ?? "Open";
    if (!stages.includes(stage))
      throw new FieldError("BAD_REQUEST", { stage: ["Not one of the deal stages."] });
    const deal = t
      .insert(deals)
      .values({
        accountId: account.id,
        ownerId,
        title: input.title,
        amount: input.amount,
        category: input.category,
        segment: account.segment,
        expectedCloseAt: input.expectedCloseAt ?? null,
        stage,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    t.insert(dealStageMoves)
      .values({ dealId: deal.id, fromStage: null, toStage: stage, at: now, byUserId: actor.id })
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "deal.create",
      entity: "deal",
      entityId: deal.id,
      after: { title: deal.title, amount: deal.amount, ownerId, stage },
      at: now,
    });
    return deal;
  });
}

/**
 * The deal if the actor may see it, with its account's owner; NOT_FOUND otherwise (no hint that it exists).
 * `forReview`: an account manager may also open another manager's closed deal, when the review policy lets
 * account managers review deals on accounts they do not manage.
 */
export function findVisibleDeal(db: Db, actor: Actor, dealId: number, forReview = false) {
  const reviewer =
    forReview &&
    actor.role === "account_manager" &&
    getSetting(db, dealsSettings.reviewPolicy).otherAccountManagers;
  const row = db
    .select({ deal: deals, accountOwnerId: accounts.ownerId, accountName: accounts.name })
    .from(deals)
    .innerJoin(accounts, eq(accounts.id, deals.accountId))
    .where(and(eq(deals.id, dealId), reviewer ? ne(deals.status, "open") : dealVisibility(actor)))
    .get();
  if (!row) throw notFound("Deal");
  return row;
}

function requireWritableOpenDeal(db: Db, actor: Actor, dealId: number) {
  const { deal } = findVisibleDeal(db, actor, dealId);
  if (!canWriteDeal(actor, deal))
    throw forbidden("Only the deal's owner, a sales lead or an admin can change it.");
  if (deal.status !== "open") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This deal is closed; it can no longer change." });
  }
  return deal;
}

export function moveDealStage(
  db: Db,
  actor: Actor,
  input: { dealId: number; stage: string },
  now = Date.now(),
) {
  return inTransaction(db, (t) => {
    const deal = requireWritableOpenDeal(t, actor, input.dealId);
    if (!getSetting(t, dealsSettings.dealStages).includes(input.stage)) {
      throw new FieldError("BAD_REQUEST", { stage: ["Not one of the deal stages."] });
    }
    if (input.stage === deal.stage) {
      throw new FieldError("BAD_REQUEST", { stage: ["The deal is already at this stage."] });
    }
    t.update(deals).set({ stage: input.stage, updatedAt: now }).where(eq(deals.id, deal.id)).run();
    t.insert(dealStageMoves)
      .values({ dealId: deal.id, fromStage: deal.stage, toStage: input.stage, at: now, byUserId: actor.id })
      .run();
    return { ...deal, stage: input.stage };
  });
}

const DAY = 86_400_000;

/**
 * Closes a deal with the owner's stated reasons. A won deal may record an order for its account in the same
 * transaction (createOrder: the ladder sees it), tagged "deal-<id>".
 */
export function closeDeal(db: Db, actor: Actor, input: CloseDealInput, now = Date.now()) {
  if (input.closedAt > now + DAY)
    throw new FieldError("BAD_REQUEST", { closedAt: ["A deal cannot close in the future."] });
  return inTransaction(db, (t) => {
    const deal = requireWritableOpenDeal(t, actor, input.dealId);
    requireReasons(t, "ownerReason", [input.ownerReason]);
    requireReasons(t, "secondaryReasons", input.secondaryReasons);
    let orderId: number | null = null;
    if (input.createOrder) {
      if (input.createOrder.margin > deal.amount) {
        throw new FieldError("BAD_REQUEST", {
          "createOrder.margin": ["The margin cannot exceed the amount."],
        });
      }
      orderId = createOrder(t, actor, {
        accountId: deal.accountId,
        externalRef: `deal-${deal.id}`,
        orderedAt: input.closedAt,
        amount: deal.amount,
        margin: input.createOrder.margin,
        category: deal.category,
      }).order.id;
    }
    const competitor = resolveDealCompetitor(t, input);
    const segment = t
      .select({ s: accounts.segment })
      .from(accounts)
      .where(eq(accounts.id, deal.accountId))
      .get()?.s;
    const closed = t
      .update(deals)
      .set({
        status: input.outcome,
        closedAt: input.closedAt,
        closedMonth: periodIndex(input.closedAt, "month"),
        ownerReason: input.ownerReason,
        ownerSecondaryReasons: JSON.stringify(input.secondaryReasons),
        ...competitor,
        closeNote: input.note,
        segment: segment ?? null,
        orderId,
        updatedAt: now,
      })
      .where(eq(deals.id, deal.id))
      .returning()
      .get();
    t.insert(dealStageMoves)
      .values({
        dealId: deal.id,
        fromStage: deal.stage,
        toStage: input.outcome,
        at: now,
        byUserId: actor.id,
      })
      .run();
    recordAudit(t, {
      actorId: actor.id,
      action: "deal.close",
      entity: "deal",
      entityId: deal.id,
      before: { status: deal.status },
      after: {
        status: input.outcome,
        ownerReason: input.ownerReason,
        ...competitor,
        orderId,
      },
      at: now,
    });
    emitWebhookEvents(t, [
      {
        event: "deal.closed",
        at: now,
        accountId: deal.accountId,
        data: {
          deal: {
            id: deal.id,
            title: deal.title,
            amount: deal.amount,
            outcome: input.outcome,
            closedAt: new Date(input.closedAt).toISOString(),
            ownerReason: input.ownerReason,
            competitor: competitorNameOf(t, competitor),
          },
        },
      },
    ]);
    return closed;
  });
}

const DEAL_LIST_FIELDS = {
  id: deals.id,
  title: deals.title,
  amount: deals.amount,
  stage: deals.stage,
  status: deals.status,
  expectedCloseAt: deals.expectedCloseAt,
  closedAt: deals.closedAt,
  createdAt: deals.createdAt,
  ownerReason: deals.ownerReason,
  reviewedAt: deals.reviewedAt,
  accountId: deals.accountId,
  ownerId: deals.ownerId,
};
type DealListRow = {
  id: number;
  title: string;
  amount: number;
  stage: string;
  status: DealStatus;
  expectedCloseAt: number | null;
  closedAt: number | null;
  createdAt: number;
  ownerReason: string | null;
  reviewedAt: number | null;
  accountId: number;
  ownerId: string;
};
const preparedList = preparedByShape<{ all: (values: Record<string, unknown>) => DealListRow[] }>();

/**
 * Deals newest first, keyset-paginated, filtered by status, owner, account and a title/account search. The
 * page reads deals alone (an index per filter: created, owner+created, status+created, account+created), one
 * prepared statement per filter shape; account and owner names follow for the page's rows only.
 */
export function listDeals(db: Db, actor: Actor, input: ListDealsInput) {
  const p = sql.placeholder;
  const owner = input.ownerId === "me" ? actor.id : input.ownerId;
  const values: Record<string, unknown> = { limit: input.limit + 1, me: actor.id };
  const where: SQL[] = [];
  const shape: string[] = [];
  if (actor.role === "account_manager") {
    shape.push("am");
    where.push(
      sql`(${deals.ownerId} = ${p("me")} OR ${deals.accountId} IN (SELECT id FROM accounts WHERE owner_id = ${p("me")}))`,
    );
  }
  if (input.status) {
    shape.push("status");
    values.status = input.status;
    where.push(sql`${deals.status} = ${p("status")}`);
  }
  if (owner !== "all") {
    shape.push("owner");
    values.owner = owner;
    where.push(sql`${deals.ownerId} = ${p("owner")}`);
  }
  if (input.accountId) {
    shape.push("account");
    values.accountId = input.accountId;
    where.push(sql`${deals.accountId} = ${p("accountId")}`);
  }
  if (input.q) {
    shape.push("q");
    values.like = `%${input.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(${deals.title}) LIKE ${p("like")} ESCAPE '\\' OR ${deals.accountId} IN (SELECT id FROM accounts WHERE search_name LIKE ${p("like")} ESCAPE '\\'))`,
    );
  }
  if (input.cursor) {
    shape.push("cursor");
    const c = decodeTimeCursor(input.cursor);
    values.at = c.at;
    values.id = c.id;
    where.push(sql`(${deals.createdAt}, ${deals.id}) < (${p("at")}, ${p("id")})`);
  }
  const statement = preparedList(db, shape.join("|"), () =>
    db
      .select(DEAL_LIST_FIELDS)
      .from(deals)
      .where(and(...where))
      .orderBy(desc(deals.createdAt), desc(deals.id))
      .limit(p("limit"))
      .prepare(),
  );
  const rows = statement.all(values);
  const page = rows.slice(0, input.limit);
  const { accountNames, ownerNames } = pageNames(
    db,
    page.map((d) => d.accountId),
    page.map((d) => d.ownerId),
  );
  const items = page.map((d) => ({
    ...d,
    accountName: accountNames.get(d.accountId) ?? "",
    ownerName: ownerNames.get(d.ownerId) ?? "",
  }));
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > input.limit && last ? encodeTimeCursor({ at: last.createdAt, id: last.id }) : null;
  return { items, nextCursor };
}

// Account and owner names for a page's rows in one prepared statement: the ids go in as two JSON arrays.
const namesIn = preparedPerDb((db) =>
  db
    .select({
      kind: sql<"a" | "u">`'a'`.as("kind"),
      id: sql<string>`cast(${accounts.id} AS text)`.as("id"),
      name: accounts.name,
    })
    .from(accounts)
    .where(sql`${accounts.id} IN (SELECT value FROM json_each(${sql.placeholder("accountIds")}))`)
    .unionAll(
      db
        .select({ kind: sql<"a" | "u">`'u'`.as("kind"), id: users.id, name: users.name })
        .from(users)
        .where(sql`${users.id} IN (SELECT value FROM json_each(${sql.placeholder("ownerIds")}))`),
    )
    .prepare(),
);

function pageNames(db: Db, accountIds: readonly number[], ownerIds: readonly string[]) {
  const accountNames = new Map<number, string>();
  const ownerNames = new Map<string, string>();
  if (accountIds.length) {
    const ids = {
      accountIds: JSON.stringify([...new Set(accountIds)]),
      ownerIds: JSON.stringify([...new Set(ownerIds)]),
    };
    for (const r of namesIn(db).all(ids)) {
      if (r.kind === "a") accountNames.set(Number(r.id), r.name);
      else ownerNames.set(String(r.id), r.name);
    }
  }
  return { accountNames, ownerNames };
}

/** A deal with its stage history, for its page. */
export function getDeal(db: Db, actor: Actor, dealId: number) {
  const { deal, accountName, accountOwnerId } = findVisibleDeal(db, actor, dealId);
  const owner = db.select({ name: users.name }).from(users).where(eq(users.id, deal.ownerId)).get();
  const moves = db
    .select({
      id: dealStageMoves.id,
      fromStage: dealStageMoves.fromStage,
      toStage: dealStageMoves.toStage,
      at: dealStageMoves.at,
      byName: users.name,
    })
    .from(dealStageMoves)
    .leftJoin(users, eq(users.id, dealStageMoves.byUserId))
    .where(eq(dealStageMoves.dealId, deal.id))
    .orderBy(asc(dealStageMoves.at), asc(dealStageMoves.id))
    .all();
  return {
    deal: {
      ...deal,
      ownerSecondaryReasons: JSON.parse(deal.ownerSecondaryReasons) as string[],
      competitorName: competitorNameOf(db, deal),
    },
    accountName,
    accountOwnerId,
    ownerName: owner?.name ?? "",
    moves,
    canWrite: canWriteDeal(actor, deal) && deal.status === "open",
    stages: getSetting(db, dealsSettings.dealStages),
    reasons: getSetting(db, dealsSettings.winLossReasons),
  };
}
