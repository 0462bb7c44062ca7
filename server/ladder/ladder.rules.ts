// How orders move an account on the ladder. Pure: no db, no React.
import type { AccountStatus, Rung } from "@/db/schema";

/**
 * The rung an account stands on after it has placed `distinctOrders` orders.
 * Buying lifts suspects and prospects to first-time buyer (one order) or repeat customer (two or more),
 * and first-time buyers to repeat. Rungs above repeat (client, member, advocate, partner) rest on a
 * person's judgement and never move down because of an order. A disqualified account stays disqualified:
 * requalifying it is a person's decision.
 */
export function rungAfterOrders(rung: Rung, distinctOrders: number): Rung {
  if (rung === "suspect" || rung === "prospect") {
    if (distinctOrders >= 2) return "repeat";
    if (distinctOrders === 1) return "first_time";
    return rung;
  }
  if (rung === "first_time" && distinctOrders >= 2) return "repeat";
  return rung;
}

/** A lapsed or lost account that orders again is won back. */
export function statusAfterOrder(status: AccountStatus): AccountStatus {
  return status === "lapsed" || status === "lost" ? "active" : status;
}
