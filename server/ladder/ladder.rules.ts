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

/** A move as the history lists it (newest first or in any order). */
export type RungMove = { fromRung: Rung | null; toRung: Rung; at: number };

/**
 * Time spent on each rung, from the history: each stay runs from the move onto the rung to the next move off
 * it, the current stay up to `now`. Lapse, loss and win-back keep the rung, so they do not end a stay.
 */
export function timeOnRungs(moves: readonly RungMove[], now: number): Partial<Record<Rung, number>> {
  const rungChanges = [...moves].filter((m) => m.fromRung !== m.toRung).sort((a, b) => a.at - b.at);
  const total: Partial<Record<Rung, number>> = {};
  rungChanges.forEach((m, i) => {
    const end = rungChanges[i + 1]?.at ?? now;
    total[m.toRung] = (total[m.toRung] ?? 0) + Math.max(0, end - m.at);
  });
  return total;
}
