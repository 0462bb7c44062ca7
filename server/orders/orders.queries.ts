import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { preparedPerDb } from "@/db/prepared";
import { orders } from "@/db/schema";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import { requireEditableAccount } from "../auth/account-access";
import type { Actor } from "../auth/permissions";
import { FieldError, isUniqueViolation } from "../errors";
import { decodeTimeCursor, encodeTimeCursor } from "../time-cursor";
import type { CreateOrderInput } from "./orders.schemas";
import { type RecordedOrder, type RecordOrdersResult, recordOrders } from "./record-orders";

/**
 * The order form's write: checks the actor may edit the account, records the order through recordOrders (the
 * one path every order takes: figures, ladder moves dated at the order, lapse, level, check-in) and audits it,
 * in one immediate transaction.
 */
export function createOrder(db: Db, actor: Actor, input: CreateOrderInput) {
  const now = Date.now();
  try {
    return inTransaction(db, (t) => {
      requireEditableAccount(t, actor, input.accountId);
      const result = recordOrders(t, {
        orders: [
          {
            accountId: input.accountId,
            externalRef: input.externalRef ?? null,
            orderedAt: input.orderedAt,
            amount: input.amount,
            margin: input.margin,
            category: input.category ?? null,
          },
        ],
        asOf: now,
        actorId: actor.id,
      });
      const order = result.orders[0] as RecordedOrder;
      const account = result.accounts[0] as RecordOrdersResult["accounts"][number];
      const { id: _id, createdAt: _c, ...fields } = order;
      recordAudit(t, {
        actorId: actor.id,
        action: "order.create",
        entity: "order",
        entityId: order.id,
        after: fields,
        at: now,
      });
      return { order, rung: account.rung, status: account.status };
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
