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

/** Where an account stands on the ladder, and since when. */
export type LadderState = { rung: Rung; rungSince: number; status: AccountStatus; statusSince: number };

/** An order as the ladder sees it: `n` is its place among the account's orders by date (1 = the first). */
export type OrderOnLadder = { id: number; externalRef: string | null; orderedAt: number; n: number };

export type OrderMove = {
  fromRung: Rung;
  toRung: Rung;
  fromStatus: AccountStatus;
  toStatus: AccountStatus;
  at: number;
  reason: "order" | "won_back" | "lapsed";
  /** The order that caused the move; for a lapse, the last order before it. */
  order: OrderOnLadder;
};

type Event =
  | { kind: "rung"; at: number; to: Rung; order: OrderOnLadder }
  | { kind: "lapse"; at: number; order: OrderOnLadder }
  | { kind: "back"; at: number; order: OrderOnLadder };
const TIE = { lapse: 0, back: 1, rung: 2 } as const;

/**
 * What an account's orders do to its place on the ladder, each move dated at the order that caused it:
 * - the first order lifts a suspect or prospect to first-time buyer and the second to repeat customer
 *   (rungAfterOrders), never dated before the account reached the rung it leaves (an order typed in late for
 *   an account created today moves it today), so the history reads in order;
 * - after the account's last status change, the first order of a lapsed or lost account wins it back, and a
 *   gap between orders longer than the lapse window is a lapse (dated when the window ran out) followed by a
 *   win-back, so orders arriving one by one (the form) or together (an import) leave the same history;
 * - a rung change and a win-back caused by the same order are one move.
 * The lapse still running at the end is for evaluateLapse, as of now. `orders`: the account's first two orders,
 * its last order on or before statusSince and every order after it (more do no harm).
 */
export function ladderMovesForOrders(
  account: LadderState,
  orders: readonly OrderOnLadder[],
  lapseWindow: number,
): { moves: OrderMove[]; after: LadderState } {
  const byDate = [...orders].sort((a, b) => a.n - b.n);
  const events: Event[] = [];
  let rung = account.rung;
  let since = account.rungSince;
  for (const order of byDate.filter((o) => o.n <= 2)) {
    const next = rungAfterOrders(rung, order.n);
    if (next === rung) continue;
    since = Math.max(order.orderedAt, since);
    events.push({ kind: "rung", at: since, to: next, order });
    rung = next;
  }
  let active = account.status === "active";
  let last = byDate.filter((o) => o.orderedAt <= account.statusSince).at(-1);
  for (const order of byDate.filter((o) => o.orderedAt > account.statusSince)) {
    if (active && last && order.orderedAt - last.orderedAt > lapseWindow) {
      events.push({
        kind: "lapse",
        at: Math.max(last.orderedAt + lapseWindow, account.statusSince),
        order: last,
      });
      active = false;
    }
    if (!active) events.push({ kind: "back", at: order.orderedAt, order });
    active = true;
    last = order;
  }
  events.sort((a, b) => a.at - b.at || TIE[a.kind] - TIE[b.kind]);

  const state = { ...account };
  const moves: OrderMove[] = [];
  for (let i = 0; i < events.length; i += 1) {
    const e = events[i] as Event;
    const next = events[i + 1];
    const from = { fromRung: state.rung, fromStatus: state.status };
    if (e.kind === "lapse") {
      moves.push({
        ...from,
        toRung: state.rung,
        toStatus: "lapsed",
        at: e.at,
        reason: "lapsed",
        order: e.order,
      });
      state.status = "lapsed";
      state.statusSince = e.at;
      continue;
    }
    // A win-back and a rung change at the same order are one move.
    const merged =
      e.kind === "back" && next?.kind === "rung" && next.order.id === e.order.id && next.at === e.at;
    const toRung = e.kind === "rung" ? e.to : merged && next?.kind === "rung" ? next.to : state.rung;
    const wonBack = e.kind === "back";
    moves.push({
      ...from,
      toRung,
      toStatus: wonBack ? "active" : state.status,
      at: e.at,
      reason: wonBack ? "won_back" : "order",
      order: e.order,
    });
    if (wonBack) {
      state.status = "active";
      state.statusSince = e.at;
    }
    if (toRung !== state.rung) {
      state.rung = toRung;
      state.rungSince = e.at;
    }
    if (merged) i += 1;
  }
  return { moves, after: state };
}

/** A move as the history lists it (newest first or in any order); `id` orders moves made at one moment. */
export type RungMove = { id?: number; fromRung: Rung | null; toRung: Rung; at: number };

/**
 * Time spent on each rung, from the history: each stay runs from the move onto the rung to the next move off
 * it, the current stay up to `now`. Lapse, loss and win-back keep the rung, so they do not end a stay. Moves
 * made at the same moment (an imported account created and lifted by its first order) keep the order they
 * were recorded in.
 */
export function timeOnRungs(moves: readonly RungMove[], now: number): Partial<Record<Rung, number>> {
  const rungChanges = [...moves]
    .filter((m) => m.fromRung !== m.toRung)
    .sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  const total: Partial<Record<Rung, number>> = {};
  rungChanges.forEach((m, i) => {
    const end = rungChanges[i + 1]?.at ?? now;
    total[m.toRung] = (total[m.toRung] ?? 0) + Math.max(0, end - m.at);
  });
  return total;
}
