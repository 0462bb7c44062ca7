// Demo deals over three years (issue #4 §4): owners' stated reasons lean on "price" for losses and
// "relationship" for wins far more than what buyers tell the reviewer, so the dashboard's gap is visible.
// A coherent company (issue #12 §8): an account gets deals in proportion to how much it buys, sized like its
// orders; a won deal is one of its orders (same amount and day, linked to it); an account that never ordered
// has only open, lost or undecided deals. Titles are in the owner's language; lost deals name a competitor
// from the company's list, now and then one typed as "other". Pure: the writer inserts what this returns.
import type { SystemText } from "@/lib/system-text";
import { CATEGORY_ZH } from "./catalog";
import type { AccountHistory, OrderRow } from "./history";
import type { Language } from "./names";
import type { Rng } from "./prng";

const DAY = 86_400_000;
const STAGES = ["Qualifying", "Proposal", "Negotiation"] as const;
/** The competitor list the demo company keeps (ids 1…n in this order). */
export const DEMO_COMPETITORS = [
  "Apex Supply",
  "Brightline",
  "Northwind Trading",
  "Kestrel & Co",
  "华信科技",
  "Orion Partners",
] as const;
/** Names owners typed that are not on the list: near-duplicates to merge, and one-off rivals. */
const OTHER_COMPETITORS = ["Brightline Supply", "Apex Supply Co.", "A local distributor", "本地经销商"];
/** Deal size against the account's typical order, per kind of deal (a won deal is exactly one order). */
const KIND_SIZE = [1.5, 1.2, 1, 0.6, 1] as const;
const KINDS_EN = ["annual supply agreement", "expansion", "renewal", "pilot", "new product line"];
const KINDS_ZH = ["年度供货协议", "扩大采购", "续约", "试点项目", "新产品线"];
const REVIEWERS: ReadonlyArray<readonly [string, number]> = [
  ["u-lead", 6],
  ["u-agent", 3],
  ["u-admin", 1],
];

type Outcome = "won" | "lost" | "no_decision";

/** What buyers say (the reviewer's finding), per outcome. */
const BUYER_REASONS: Record<Outcome, ReadonlyArray<readonly [string, number]>> = {
  lost: [
    ["relationship", 25],
    ["product_fit", 20],
    ["service_support", 15],
    ["price", 15],
    ["competitor_offer", 15],
    ["timing_budget", 10],
  ],
  won: [
    ["product_fit", 35],
    ["service_support", 20],
    ["relationship", 20],
    ["price", 15],
    ["other", 10],
  ],
  no_decision: [
    ["timing_budget", 50],
    ["no_decision", 50],
  ],
};

/** What owners say when they do not simply repeat the buyer's reason: the bias domain.md §3 describes. */
const OWNER_BIAS: Record<Outcome, ReadonlyArray<readonly [string, number]>> = {
  lost: [
    ["price", 70],
    ["competitor_offer", 20],
    ["timing_budget", 10],
  ],
  won: [
    ["relationship", 80],
    ["product_fit", 20],
  ],
  no_decision: [["no_decision", 1]],
};

const WORDS: Record<string, { en: string; zh: string }> = {
  price: { en: "Honestly the price was higher than we could justify.", zh: "说实话，价格比我们能接受的高。" },
  product_fit: {
    en: "The product did what we needed — or it didn't, that decided it.",
    zh: "关键在于产品是否满足我们的需求。",
  },
  relationship: {
    en: "The other side's rep knew our business; yours we rarely heard from.",
    zh: "对方的销售很了解我们的业务，你们的人很少联系我们。",
  },
  service_support: {
    en: "Support response times mattered more than anything.",
    zh: "售后响应速度比什么都重要。",
  },
  timing_budget: { en: "The budget moved to next year.", zh: "预算推迟到明年了。" },
  competitor_offer: {
    en: "They bundled installation and training at no charge.",
    zh: "对方免费包含安装和培训。",
  },
  no_decision: { en: "We decided to keep things as they are for now.", zh: "我们决定暂时维持现状。" },
  other: { en: "A mix of small things.", zh: "是很多小因素加在一起。" },
};

export type DealPlan = {
  accountId: number;
  ownerId: string;
  title: string;
  amount: number;
  category: string | null;
  segment: string | null;
  expectedCloseAt: number | null;
  stage: string;
  status: "open" | Outcome;
  createdAt: number;
  closedAt: number | null;
  ownerReason: string | null;
  /** 1-based index into DEMO_COMPETITORS, or a name typed as "other". */
  competitorId: number | null;
  competitorOther: string | null;
  /** A won deal's order. */
  orderId: number | null;
  moves: Array<{ fromStage: string | null; toStage: string; at: number }>;
  review: {
    reviewerId: string;
    contactId: number | null;
    spokeAt: number;
    primaryReason: string;
    words: string;
    actions: Array<{
      title: SystemText;
      dueAt: number;
      doneAt: number | null;
      kind: "win_back" | "keep_business";
    }>;
  } | null;
};

/** The account's typical order (median amount), or a small first deal's size for one that never ordered. */
function typicalOrder(rng: Rng, orders: readonly OrderRow[]): number {
  if (!orders.length) return Math.round(rng.logNormal(2_000, 0.5)) * 100;
  const sorted = orders.map((o) => o.amount).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Three years of deals for one account; closed deals end at least a day before `now`. */
export function generateDeals(
  rng: Rng,
  h: AccountHistory,
  opts: { now: number; contactId: number | null; fallbackOwnerId: string; authorLang: Language },
): DealPlan[] {
  const orders = h.orders;
  // Suspects are not being sold to yet; prospects and disqualified accounts had a deal or two; buyers about one
  // deal for every three orders.
  const count = orders.length
    ? Math.min(12, 1 + Math.floor(orders.length / 3) + rng.int(0, 1))
    : h.account.rung === "suspect"
      ? 0
      : rng.int(1, 2);
  const ownerId = h.account.ownerId ?? opts.fallbackOwnerId;
  const zh = opts.authorLang === "zh";
  const typical = typicalOrder(rng, orders);
  // Won deals are orders: a share of them, never the same order twice.
  const wonOrders = new Set<number>();
  const plans: DealPlan[] = [];
  for (let i = 0; i < count; i++) {
    const kindIndex = rng.int(0, KINDS_EN.length - 1);
    const closing = rng.weighted<Outcome | "open">([
      ["won", orders.length ? 45 : 0],
      ["lost", 40],
      ["no_decision", 15],
      ["open", 12],
    ]);
    const open = orders.filter((o) => !wonOrders.has(o.id) && o.orderedAt < opts.now - DAY);
    const order = closing === "won" && open.length ? rng.pick(open) : undefined;
    const outcome: Outcome | "open" = closing === "won" && !order ? "lost" : closing;
    if (order) wonOrders.add(order.id);
    const duration = rng.int(10, 120) * DAY;
    const closedAt = order
      ? order.orderedAt
      : outcome === "open"
        ? opts.now + rng.int(5, 90) * DAY
        : Math.max(
            h.account.createdAt + duration + DAY,
            opts.now - rng.int(2, 3 * 365) * DAY - rng.int(0, DAY - 1),
          );
    if (outcome !== "open" && closedAt > opts.now - DAY) continue;
    const createdAt = Math.min(opts.now - 3_600_000, Math.max(h.account.createdAt, closedAt - duration));
    const category = order?.category ?? (h.categories.length ? rng.pick(h.categories) : null);
    const categoryName = category && zh ? (CATEGORY_ZH[category] ?? category) : category;
    const kind = (zh ? KINDS_ZH : KINDS_EN)[kindIndex] as string;
    const title = categoryName ? `${categoryName}${zh ? "——" : " — "}${kind}` : kind;
    const amount =
      order?.amount ??
      Math.max(
        10_000,
        Math.round((typical * (KIND_SIZE[kindIndex] ?? 1) * rng.logNormal(1, 0.4)) / 100) * 100,
      );
    const stageCount = rng.int(1, STAGES.length);
    const moves: DealPlan["moves"] = [{ fromStage: null, toStage: STAGES[0], at: createdAt }];
    for (let s = 1; s < stageCount; s++) {
      const at = createdAt + Math.round(((Math.min(closedAt, opts.now) - createdAt) * s) / (stageCount + 1));
      moves.push({ fromStage: STAGES[s - 1] as string, toStage: STAGES[s] as string, at });
    }
    const stage = STAGES[stageCount - 1] as string;
    const base = {
      accountId: h.account.id,
      ownerId,
      title,
      amount,
      category,
      segment: h.account.segment,
      createdAt,
      stage,
      moves,
      orderId: order?.id ?? null,
    };
    if (outcome === "open") {
      plans.push({
        ...base,
        expectedCloseAt: closedAt,
        status: "open",
        closedAt: null,
        ownerReason: null,
        competitorId: null,
        competitorOther: null,
        review: null,
      });
      continue;
    }
    const buyer = rng.weighted(BUYER_REASONS[outcome]);
    const ownerReason = rng.chance(0.45) ? buyer : rng.weighted(OWNER_BIAS[outcome]);
    const named = outcome === "lost" && rng.chance(0.6);
    const typed = named && rng.chance(0.12);
    const competitorId = named && !typed ? rng.int(1, DEMO_COMPETITORS.length) : null;
    const competitorOther = typed ? rng.pick(OTHER_COMPETITORS) : null;
    moves.push({ fromStage: stage, toStage: outcome, at: closedAt });
    const spokeAt = closedAt + rng.int(3, 30) * DAY;
    let review: DealPlan["review"] = null;
    if (rng.chance(0.38) && spokeAt < opts.now) {
      const actions: NonNullable<DealPlan["review"]>["actions"] = [];
      if (outcome !== "no_decision" && rng.chance(outcome === "lost" ? 0.5 : 0.3)) {
        const dueAt = spokeAt + rng.int(14, 60) * DAY;
        const done = dueAt < opts.now - 7 * DAY && rng.chance(0.7);
        actions.push({
          // Written by the system from the deal: a message key, shown in the reader's language.
          title: {
            key: outcome === "lost" ? "task.winBackDeal" : "task.keepBusinessDeal",
            params: { deal: title },
          },
          dueAt,
          doneAt: done ? dueAt - rng.int(0, 5) * DAY : null,
          kind: outcome === "lost" ? "win_back" : "keep_business",
        });
      }
      const words = WORDS[buyer] ?? { en: "", zh: "" };
      const reviewerId = rng.weighted(REVIEWERS);
      review = {
        // Never the deal's owner (unowned accounts fall back to the sales lead).
        reviewerId: reviewerId === ownerId ? "u-agent" : reviewerId,
        contactId: opts.contactId,
        spokeAt,
        primaryReason: buyer,
        // The reviewers (lead, agent, admin) write in English what the buyer told them.
        words: words.en,
        actions,
      };
    }
    plans.push({
      ...base,
      expectedCloseAt: closedAt,
      status: outcome,
      closedAt,
      ownerReason,
      competitorId,
      competitorOther,
      review,
    });
  }
  return plans.sort((a, b) => a.createdAt - b.createdAt);
}
