// One account's whole life, generated without a database: who it is, its orders over three years and the
// ladder moves those orders and people caused. The account's current rung, status and order figures are
// read off the simulated history, so they agree with the rows by construction.
import type { AccountStatus, Level, Rung } from "../schema";
import { COMPANY_SEGMENTS, MONTH_WEIGHTS, PERSON_SEGMENT, type SegmentSpec } from "./catalog";
import { companyName, type Language, personName } from "./names";
import type { Rng } from "./prng";
import * as t from "./texts";

export const DAY = 86_400_000;
export const YEAR = 365 * DAY;
/** An account with no order for this long lapses (the app's default lapse window). */
export const LAPSE_AFTER = 365 * DAY;
export const HISTORY_YEARS = 3;

export type AccountRow = {
  id: number;
  kind: "company" | "person";
  name: string;
  searchName: string;
  externalRef: string;
  segment: string;
  industry: string;
  ownerId: string | null;
  rung: Rung;
  rungSince: number;
  level: Level;
  status: AccountStatus;
  statusSince: number;
  lostReason: string | null;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
  orderCount: number;
  revenue: number;
  margin: number;
  createdAt: number;
  updatedAt: number;
};
export type OrderRow = {
  id: number;
  accountId: number;
  externalRef: string;
  orderedAt: number;
  amount: number;
  margin: number;
  category: string;
};
export type MoveRow = {
  accountId: number;
  fromRung: Rung | null;
  toRung: Rung;
  fromStatus: AccountStatus | null;
  toStatus: AccountStatus;
  at: number;
  byUserId: string | null;
  reason: string | null;
  evidence: string | null;
};
export type AccountHistory = {
  account: AccountRow;
  orders: OrderRow[];
  moves: MoveRow[];
  lang: Language;
  categories: string[];
};

export type AccountPlan = {
  id: number;
  ownerId: string;
  /** Who signs off moves on unowned accounts. */
  fallbackUserId: string;
  now: number;
  /** First order id to use; ids are explicit so a seed is reproducible row for row. */
  nextOrderId: number;
  /** Multiplies repeat buyers' order counts (1 gives about 10 orders per account). */
  orderScale: number;
  /** The language the owner types in (the fallback user's for an account without one). */
  authorLang: Language;
};

type Event =
  | { at: number; type: "qualify" | "disqualify"; reason: string }
  | { at: number; type: "order"; order: OrderRow }
  | { at: number; type: "promote"; to: Rung; reason: string; evidence: unknown }
  | { at: number; type: "lost"; reason: (typeof LOST)[number][0]; text: string };

const LOST = [
  ["competitor", 35],
  ["dissatisfied", 25],
  ["moved", 15],
  ["bankrupt", 10],
  ["other", 15],
] as const;
const PROMOTION: readonly [Rung, Rung, keyof typeof t.PROMOTED][] = [
  ["repeat", "client", "client"],
  ["client", "member", "member"],
  ["member", "advocate", "advocate"],
  ["advocate", "partner", "partner"],
];

export function searchNameOf(name: string): string {
  return name.toLowerCase();
}

/** A moment in [from, to) weighted by the month's demand, at a whole millisecond. */
function seasonalTime(rng: Rng, from: number, to: number): number {
  for (;;) {
    const at = Math.floor(from + rng.next() * (to - from));
    if (rng.next() * 1.4 < (MONTH_WEIGHTS[new Date(at).getUTCMonth()] ?? 1)) return at;
  }
}

/** Heavy-tailed: many one-off buyers, fewer repeaters, a few who order every week or two. */
function orderCount(rng: Rng, scale: number): number {
  const cls = rng.weighted([
    ["once", 38],
    ["occasional", 30],
    ["regular", 22],
    ["frequent", 10],
  ] as const);
  if (cls === "once") return 1;
  const raw =
    cls === "occasional"
      ? rng.int(2, 5)
      : cls === "regular"
        ? Math.round(6 + 24 * rng.next() ** 2)
        : Math.min(400, 31 + Math.round(rng.logNormal(40, 0.8)));
  return Math.max(2, Math.round(raw * scale));
}

function chooseLevel(rng: Rng, marginRate: number, scale: number, buyer: boolean): Level {
  if (!buyer)
    return rng.weighted([
      ["reactive", 7],
      ["basic", 3],
    ] as const);
  if (marginRate >= 0.28 && scale >= 1.2)
    return rng.weighted([
      ["partnership", 4],
      ["proactive", 6],
    ] as const);
  if (marginRate >= 0.22)
    return rng.weighted([
      ["proactive", 3],
      ["accountable", 5],
      ["reactive", 2],
    ] as const);
  if (marginRate < 0.1)
    return rng.weighted([
      ["basic", 5],
      ["reactive", 5],
    ] as const);
  return rng.weighted([
    ["reactive", 50],
    ["accountable", 45],
    ["basic", 5],
  ] as const);
}

export function generateAccount(rng: Rng, plan: AccountPlan): AccountHistory {
  const { id, now } = plan;
  const start = now - HISTORY_YEARS * YEAR;
  const kind = rng.chance(0.72) ? "company" : "person";
  const lang: Language = rng.chance(0.45) ? "zh" : "en";
  const seg: SegmentSpec =
    kind === "company" ? rng.weighted(COMPANY_SEGMENTS.map((s) => [s, s.weight] as const)) : PERSON_SEGMENT;
  const name = kind === "company" ? companyName(rng, lang) : personName(rng, lang).name;
  const categories = [rng.pick(seg.categories), rng.pick(seg.categories), rng.pick(seg.categories)].slice(
    0,
    rng.int(1, 3),
  );
  const createdAt = seasonalTime(rng, start - 30 * DAY, now - 2 * DAY);
  const destiny = rng.weighted([
    ["suspect", 12],
    ["prospect", 9],
    ["disqualified", 7],
    ["buyer", 72],
  ] as const);
  const ownerId = destiny === "suspect" && rng.chance(0.3) ? null : plan.ownerId;
  const by = ownerId ?? plan.fallbackUserId;

  const events: Event[] = [];
  const orders: OrderRow[] = [];
  let qualifyAt = createdAt + rng.int(2, 60) * DAY + rng.int(0, DAY - 1);
  const qualifies =
    destiny === "prospect" ||
    (destiny === "disqualified" && rng.chance(0.7)) ||
    (destiny === "buyer" && rng.chance(kind === "company" ? 0.75 : 0.3));
  if (qualifies && qualifyAt < now)
    events.push({ at: qualifyAt, type: "qualify", reason: t.pickText(rng, plan.authorLang, t.QUALIFIED) });
  else qualifyAt = createdAt;
  if (destiny === "disqualified") {
    const at = qualifyAt + rng.int(5, 90) * DAY;
    if (at < now)
      events.push({ at, type: "disqualify", reason: t.pickText(rng, plan.authorLang, t.DISQUALIFIED) });
  }

  const accountScale = rng.logNormal(1, 0.7);
  const marginRate = Math.min(0.42, Math.max(0.06, rng.logNormal(0.18, 0.4)));
  let firstAt = qualifyAt + Math.floor(rng.logNormal(20, 1) * DAY);
  // The order history covers three years: accounts from the older list buy for the first time inside it.
  if (firstAt < start) firstAt = start + Math.floor(rng.next() * 60 * DAY);
  if (destiny === "buyer" && firstAt < now - DAY) {
    let n = orderCount(rng, plan.orderScale);
    const churns = n > 1 && rng.chance(0.35);
    const end = churns ? firstAt + Math.floor(rng.next() * (now - firstAt)) : now - 3_600_000;
    n = Math.min(n, Math.max(1, Math.floor((end - firstAt) / (2 * DAY))));
    // A gap longer than the lapse window in the middle of the history: the account lapses, then is won back.
    let gap: [number, number] | null = null;
    if (n >= 3 && end - firstAt > 2 * YEAR && rng.chance(0.25)) {
      const len = rng.int(380, 560) * DAY;
      const gapStart = firstAt + 30 * DAY + Math.floor(rng.next() * (end - firstAt - len - 60 * DAY));
      if (gapStart + len < end - DAY) gap = [gapStart, gapStart + len];
    }
    const times = [firstAt];
    if (gap) times.push(gap[1] + rng.int(0, 20) * DAY);
    while (times.length < n) {
      const at = seasonalTime(rng, firstAt + 1, end);
      if (!gap || at < gap[0] || at > gap[1]) times.push(at);
    }
    times.sort((a, b) => a - b);
    const base = seg.medianOrder * accountScale * (n > 20 ? 0.5 : 1);
    for (const at of times) {
      if (at >= now) continue;
      const amount = Math.max(1_000, Math.round(base * rng.logNormal(1, 0.35)) * 100 + rng.int(0, 99));
      const rate = Math.min(0.45, Math.max(0.05, marginRate + (rng.next() - 0.5) * 0.08));
      const margin = Math.min(
        Math.floor(amount * 0.45),
        Math.max(Math.ceil(amount * 0.05), Math.round(amount * rate)),
      );
      const orderId = plan.nextOrderId + orders.length;
      const order: OrderRow = {
        id: orderId,
        accountId: id,
        externalRef: `SO-${String(orderId).padStart(7, "0")}`,
        orderedAt: at,
        amount,
        margin,
        category: rng.pick(categories),
      };
      orders.push(order);
      events.push({ at, type: "order", order });
    }
    // People promote good repeat buyers up the ladder, one rung at a time.
    if (orders.length >= 4 && (marginRate >= 0.12 || orders.length >= 10)) {
      let at = (orders[3] as OrderRow).orderedAt + rng.int(3, 30) * DAY;
      for (const [, to, key] of PROMOTION) {
        if (!rng.chance(to === "client" ? 0.5 : 0.45) || at >= now) break;
        const evidence =
          to === "client"
            ? { shareOfWallet: rng.int(80, 100) / 100, categories }
            : to === "member"
              ? { programme: "Ladder Plus", memberNo: `M-${String(id).padStart(6, "0")}` }
              : to === "advocate"
                ? { referrals: rng.int(1, 5), promoterScore: rng.int(9, 10) }
                : { agreement: `JP-${String(id).padStart(6, "0")}`, review: "quarterly" };
        events.push({
          at,
          type: "promote",
          to,
          reason: t.pickText(rng, plan.authorLang, t.PROMOTED[key]),
          evidence,
        });
        at += rng.int(30, 300) * DAY;
      }
    }
    const last = orders[orders.length - 1];
    if (churns && last && last.orderedAt < now - 90 * DAY && rng.chance(0.35)) {
      const at = last.orderedAt + rng.int(30, 540) * DAY;
      const reason = rng.weighted(kind === "person" ? [...LOST, ["moved", 40] as const] : LOST);
      if (at < now)
        events.push({
          at,
          type: "lost",
          reason,
          text: t.pickText(rng, plan.authorLang, t.LOST_TEXT[reason]),
        });
    }
  }

  events.sort((a, b) => a.at - b.at);
  const account: AccountRow = {
    id,
    kind,
    name,
    searchName: searchNameOf(name),
    externalRef: `CUST-${String(id).padStart(6, "0")}`,
    segment: seg.name,
    industry: rng.pick(seg.industries),
    ownerId,
    rung: "suspect",
    rungSince: createdAt,
    level: chooseLevel(rng, marginRate, accountScale, orders.length > 0),
    status: "active",
    statusSince: createdAt,
    lostReason: null,
    firstOrderAt: orders[0]?.orderedAt ?? null,
    lastOrderAt: orders[orders.length - 1]?.orderedAt ?? null,
    orderCount: orders.length,
    revenue: orders.reduce((s, o) => s + o.amount, 0),
    margin: orders.reduce((s, o) => s + o.margin, 0),
    createdAt,
    updatedAt: createdAt,
  };
  const moves = replay(account, events, { by, now, source: rng.pick(t.SOURCES) });
  return { account, orders, moves, lang, categories };
}

/** Runs the events through the ladder rules, writing moves and leaving the account in its final state. */
function replay(
  a: AccountRow,
  events: Event[],
  ctx: { by: string; now: number; source: (typeof t.SOURCES)[number] },
): MoveRow[] {
  const moves: MoveRow[] = [];
  let lastOrderAt: number | null = null;
  let count = 0;
  const move = (
    at: number,
    toRung: Rung,
    toStatus: AccountStatus,
    byUserId: string | null,
    reason: string,
    evidence?: unknown,
  ) => {
    moves.push({
      accountId: a.id,
      fromRung: moves.length ? a.rung : null,
      toRung,
      fromStatus: moves.length ? a.status : null,
      toStatus,
      at,
      byUserId,
      reason,
      evidence: evidence === undefined ? null : JSON.stringify(evidence),
    });
    if (toRung !== a.rung || moves.length === 1) a.rungSince = at;
    if (toStatus !== a.status || moves.length === 1) a.statusSince = at;
    a.rung = toRung;
    a.status = toStatus;
    a.updatedAt = Math.max(a.updatedAt, at);
  };
  const lapseBefore = (at: number) => {
    if (a.status === "active" && lastOrderAt !== null && lastOrderAt + LAPSE_AFTER <= at) {
      move(lastOrderAt + LAPSE_AFTER, a.rung, "lapsed", null, "lapsed", {
        lastOrderAt,
        windowDays: LAPSE_AFTER / DAY,
      });
    }
  };

  // What the system writes is a code with its details (server/ladder: created, order, won_back, lapsed).
  move(a.createdAt, "suspect", "active", null, "created", { source: ctx.source });
  for (const ev of events) {
    lapseBefore(ev.at);
    if (ev.type === "qualify" && a.rung === "suspect") move(ev.at, "prospect", "active", ctx.by, ev.reason);
    else if (ev.type === "disqualify") move(ev.at, "disqualified", a.status, ctx.by, ev.reason);
    else if (ev.type === "order") {
      count += 1;
      const ref = ev.order.externalRef;
      const evidence = { orderId: ev.order.id, externalRef: ref, orderCount: count };
      const toRung: Rung =
        count === 1 ? "first_time" : count === 2 && a.rung === "first_time" ? "repeat" : a.rung;
      if (a.status === "lapsed" && lastOrderAt !== null) {
        const days = Math.round((ev.at - lastOrderAt) / DAY);
        move(ev.at, toRung, "active", null, "won_back", { ...evidence, daysSinceLastOrder: days });
      } else if (toRung !== a.rung) {
        move(ev.at, toRung, a.status, null, "order", evidence);
      }
      lastOrderAt = ev.at;
    } else if (ev.type === "promote") {
      const from = PROMOTION.find(([, to]) => to === ev.to)?.[0];
      if (a.status === "active" && a.rung === from)
        move(ev.at, ev.to, "active", ctx.by, ev.reason, ev.evidence);
    } else if (ev.type === "lost" && a.status !== "lost") {
      move(ev.at, a.rung, "lost", ctx.by, ev.text, { lostReason: ev.reason });
      a.lostReason = ev.reason;
    }
  }
  lapseBefore(ctx.now);
  return moves;
}
