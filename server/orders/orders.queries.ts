import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { accounts, orders } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { requireEditableAccount } from "../accounts/account-access";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { FieldError, isUniqueViolation } from "../errors";
import { recordLadderMove } from "../ladder/ladder.queries";
import { rungAfterOrders, statusAfterOrder } from "../ladder/ladder.rules";
import { createCheckInForOrder } from "../levels/cadence.queries";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { decodeTimeCursor, encodeTimeCursor } from "../time-cursor";
import type { CreateOrderInput } from "./orders.schemas";

/**
 * Records an order and, in the same immediate transaction, what it means for the account: the order
 * figures the list sorts on, the rung (rungAfterOrders) and a win-back for lapsed or lost accounts.
 */
export function createOrder(db: Db, actor: Actor, input: CreateOrderInput) {
  const now = Date.now();
  try {
    return inTransaction(db, (t) => {
      const account = requireEditableAccount(t, actor, input.accountId);
      const order = t
        .insert(orders)
        .values({ ...input, createdAt: now })
        .returning()
        .get();
      const orderCount = account.orderCount + 1;
      const rung = rungAfterOrders(account.rung, orderCount);
      const status = statusAfterOrder(account.status);
      t.update(accounts)
        .set({
          firstOrderAt: Math.min(account.firstOrderAt ?? order.orderedAt, order.orderedAt),
          lastOrderAt: Math.max(account.lastOrderAt ?? order.orderedAt, order.orderedAt),
          orderCount,
          revenue: account.revenue + order.amount,
          margin: account.margin + order.margin,
          updatedAt: now,
          ...(rung !== account.rung ? { rung, rungSince: now } : {}),
          ...(status !== account.status ? { status, statusSince: now, lostReason: null } : {}),
        })
        .where(eq(accounts.id, account.id))
        .run();
      if (rung !== account.rung || status !== account.status) {
        recordLadderMove(t, {
          accountId: account.id,
          fromRung: account.rung,
          toRung: rung,
          fromStatus: account.status,
          toStatus: status,
          at: now,
          byUserId: null,
          // A lapsed or lost account that orders again is won back; say so in the history.
          reason: status !== account.status ? "won_back" : "order",
          evidence: {
            orderId: order.id,
            externalRef: order.externalRef,
            orderedAt: order.orderedAt,
            orderCount,
          },
        });
      }
      const { id: _id, createdAt: _c, ...fields } = order;
      recordAudit(t, {
        actorId: actor.id,
        action: "order.create",
        entity: "order",
        entityId: order.id,
        after: fields,
        at: now,
      });
      // The order changes this account's margin, and an accountable account owes a check-in call.
      recomputeRecommendedLevels(t, { asOf: now, accountIds: [account.id] });
      createCheckInForOrder(t, { orderId: order.id, asOf: now, actorId: actor.id });
      return { order, rung, status };
    });
  } catch (error) {
    if (isUniqueViolation(error, "orders.")) {
      throw new FieldError("CONFLICT", {
        externalRef: ["This account already has an order with this reference."],
      });
    }
    throw error;
  }
}

const ordersFirst = preparedPerDb((db) =>
  db
    .select()
    .from(orders)
    .where(eq(orders.accountId, sql.placeholder("accountId")))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

const ordersAfter = preparedPerDb((db) =>
  db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.accountId, sql.placeholder("accountId")),
        sql`(${orders.orderedAt}, ${orders.id}) < (${sql.placeholder("at")}, ${sql.placeholder("id")})`,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(sql.placeholder("limit"))
    .prepare(),
);

/** An account's orders, newest first, keyset-paginated on orders_account_date_idx. */
export function findOrdersForAccount(
  db: Db,
  params: { accountId: number; cursor?: string | null; limit: number },
) {
  const cursor = params.cursor ? decodeTimeCursor(params.cursor) : null;
  const rows = cursor
    ? ordersAfter(db).all({
        accountId: params.accountId,
        at: cursor.at,
        id: cursor.id,
        limit: params.limit + 1,
      })
    : ordersFirst(db).all({ accountId: params.accountId, limit: params.limit + 1 });
  const items = rows.slice(0, params.limit);
  const last = items.at(-1);
  const nextCursor =
    rows.length > params.limit && last ? encodeTimeCursor({ at: last.orderedAt, id: last.id }) : null;
  return { items, nextCursor };
}
