// Orders from another system (the REST API, issue #15 §2): matched to accounts by the account's external
// reference and made idempotent by the order's own reference. New orders go through recordOrders, the one path
// the order form and the import take, so an account ends in the same state whichever way its orders arrived.
// An order already present with the same figures is "unchanged"; with other figures it is a "conflict" (orders
// are not rewritten: the account's history, rung moves and tasks were derived from them).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import { recordAudit } from "../audit/audit.queries";
import type { Actor } from "../auth/permissions";
import { type OrderToRecord, recordOrders } from "./record-orders";

export type ExternalOrder = {
  accountRef: string;
  externalRef: string;
  orderedAt: number;
  amount: number;
  margin: number;
  category: string | null;
};

export type OrderOutcome =
  | { status: "created"; orderId: number }
  | { status: "unchanged"; orderId: number }
  | { status: "conflict"; orderId: number; fields: string[] }
  | { status: "account_not_found" };

export type UpsertOrdersResult = {
  results: (OrderOutcome & { accountRef: string; externalRef: string })[];
  accounts: { accountRef: string; rung: string; status: string }[];
};

const COMPARED = ["orderedAt", "amount", "margin", "category"] as const;

/** Writes a batch in one immediate transaction; one audit entry for the batch. Outcomes in the batch's order. */
export function upsertOrdersByRef(
  db: Db,
  actor: Actor,
  batch: readonly ExternalOrder[],
  now = Date.now(),
  /** Test hook: the rollups set-wise or through their triggers (default: recordOrders' threshold). */
  options: { setWiseRollups?: boolean } = {},
): UpsertOrdersResult {
  return inTransaction(db, (t) => {
    const refs = [...new Set(batch.map((o) => o.accountRef))];
    const idByRef = new Map<string, number>();
    for (const r of t.all<{ id: number; ref: string }>(
      sql`SELECT id, external_ref AS ref FROM accounts WHERE external_ref IN (SELECT value FROM json_each(${JSON.stringify(refs)}))`,
    ))
      idByRef.set(r.ref, r.id);

    const wanted = batch.flatMap((o) => {
      const accountId = idByRef.get(o.accountRef);
      return accountId === undefined ? [] : [[accountId, o.externalRef]];
    });
    const existing = new Map<string, ExternalOrder & { id: number }>();
    for (const row of t.all<{
      id: number;
      accountId: number;
      externalRef: string;
      orderedAt: number;
      amount: number;
      margin: number;
      category: string | null;
    }>(sql`
      SELECT o.id, o.account_id AS accountId, o.external_ref AS externalRef, o.ordered_at AS orderedAt,
             o.amount, o.margin, o.category
      FROM json_each(${JSON.stringify(wanted)}) w
      JOIN orders o ON o.account_id = w.value ->> 0 AND o.external_ref = w.value ->> 1`))
      existing.set(`${row.accountId}\u0000${row.externalRef}`, { ...row, accountRef: "" });

    const outcomes: OrderOutcome[] = [];
    const fresh: OrderToRecord[] = [];
    const freshIndex: number[] = [];
    const seen = new Map<string, { index: number; order: ExternalOrder }>();
    batch.forEach((o, index) => {
      const accountId = idByRef.get(o.accountRef);
      if (accountId === undefined) {
        outcomes.push({ status: "account_not_found" });
        return;
      }
      const key = `${accountId}\u0000${o.externalRef}`;
      const before = existing.get(key);
      if (before) {
        const fields = COMPARED.filter((f) => before[f] !== o[f]);
        outcomes.push(
          fields.length
            ? { status: "conflict", orderId: before.id, fields }
            : { status: "unchanged", orderId: before.id },
        );
        return;
      }
      const twin = seen.get(key);
      if (twin) {
        // The same reference twice in one batch: the first one is recorded, the second compared with it.
        const fields = COMPARED.filter((f) => twin.order[f] !== o[f]);
        outcomes.push({ status: fields.length ? "conflict" : "unchanged", orderId: -1 - twin.index, fields });
        return;
      }
      seen.set(key, { index, order: o });
      outcomes.push({ status: "created", orderId: 0 });
      freshIndex.push(index);
      fresh.push({
        accountId,
        externalRef: o.externalRef,
        orderedAt: o.orderedAt,
        amount: o.amount,
        margin: o.margin,
        category: o.category,
      });
    });

    const recorded = recordOrders(t, {
      orders: fresh,
      asOf: now,
      actorId: actor.id,
      setWiseRollups: options.setWiseRollups,
    });
    const idOfIndex = new Map(freshIndex.map((index, i) => [index, recorded.orders[i]?.id as number]));
    for (const [index, outcome] of outcomes.entries()) {
      if (outcome.status === "created") outcome.orderId = idOfIndex.get(index) as number;
      else if ("orderId" in outcome && outcome.orderId < 0)
        outcome.orderId = idOfIndex.get(-1 - outcome.orderId) as number;
    }
    const refOfId = new Map([...idByRef].map(([ref, id]) => [id, ref]));
    const counts = { created: 0, unchanged: 0, conflict: 0, account_not_found: 0 };
    for (const o of outcomes) counts[o.status] += 1;
    if (counts.created > 0) {
      recordAudit(t, {
        actorId: actor.id,
        action: "orders.upsert",
        entity: "order_batch",
        entityId: recorded.orders[0]?.id ?? 0,
        after: { ...counts, orderIds: recorded.orders.map((o) => o.id).join(", ") },
        at: now,
      });
    }
    return {
      results: outcomes.map((o, i) => ({
        ...o,
        accountRef: batch[i]?.accountRef as string,
        externalRef: batch[i]?.externalRef as string,
      })),
      accounts: recorded.accounts.map((a) => ({
        accountRef: refOfId.get(a.id) as string,
        rung: a.rung,
        status: a.status,
      })),
    };
  });
}
