// Demo deals over three years (issue #4 §4): owners' stated reasons lean on "price" for losses and
// "relationship" for wins far more than what buyers tell the reviewer, so the dashboard's gap is visible.
// Pure: the writer inserts what this returns.
import type { AccountHistory } from "./history";
import type { Rng } from "./prng";

const DAY = 86_400_000;
const STAGES = ["Qualifying", "Proposal", "Negotiation"] as const;
const COMPETITORS = [
  "Apex Supply",
  "Brightline",
  "Northwind Trading",
  "Kestrel & Co",
  "华信科技",
  "Orion Partners",
];
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
  competitor: string | null;
  moves: Array<{ fromStage: string | null; toStage: string; at: number }>;
  review: {
    reviewerId: string;
    contactId: number | null;
    spokeAt: number;
    primaryReason: string;
    words: string;
    actions: Array<{
      title: string;
      dueAt: number;
      doneAt: number | null;
      kind: "win_back" | "keep_business";
    }>;
  } | null;
};

/** Three years of deals for one account; closed deals end at least a day before `now`. */
export function generateDeals(
  rng: Rng,
  h: AccountHistory,
  opts: { now: number; contactId: number | null; fallbackOwnerId: string },
): DealPlan[] {
  const count = Math.min(12, Math.floor(rng.logNormal(2.6, 0.7)));
  const ownerId = h.account.ownerId ?? opts.fallbackOwnerId;
  const zh = h.lang === "zh";
  const plans: DealPlan[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = opts.now - rng.int(2, 3 * 365) * DAY - rng.int(0, DAY - 1);
    const duration = rng.int(10, 120) * DAY;
    const category = h.categories.length ? rng.pick(h.categories) : null;
    const kind = rng.pick(zh ? KINDS_ZH : KINDS_EN);
    const title = category ? `${category} — ${kind}` : kind;
    const amount = Math.round(rng.logNormal(1_500_000, 0.9) / 100) * 100;
    const stageCount = rng.int(1, STAGES.length);
    const moves: DealPlan["moves"] = [{ fromStage: null, toStage: STAGES[0], at: createdAt }];
    for (let s = 1; s < stageCount; s++) {
      moves.push({
        fromStage: STAGES[s - 1] as string,
        toStage: STAGES[s] as string,
        at: createdAt + Math.round((duration * s) / (stageCount + 1)),
      });
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
    };
    const closedAt = createdAt + duration;
    if (closedAt > opts.now - DAY) {
      plans.push({
        ...base,
        expectedCloseAt: closedAt,
        status: "open",
        closedAt: null,
        ownerReason: null,
        competitor: null,
        review: null,
      });
      continue;
    }
    const outcome = rng.weighted<Outcome>([
      ["won", 45],
      ["lost", 40],
      ["no_decision", 15],
    ]);
    const buyer = rng.weighted(BUYER_REASONS[outcome]);
    const ownerReason = rng.chance(0.45) ? buyer : rng.weighted(OWNER_BIAS[outcome]);
    const competitor = outcome === "lost" && rng.chance(0.6) ? rng.pick(COMPETITORS) : null;
    moves.push({ fromStage: stage, toStage: outcome, at: closedAt });
    const spokeAt = closedAt + rng.int(3, 30) * DAY;
    let review: DealPlan["review"] = null;
    if (rng.chance(0.37) && spokeAt < opts.now) {
      const actions: NonNullable<DealPlan["review"]>["actions"] = [];
      if (outcome !== "no_decision" && rng.chance(outcome === "lost" ? 0.5 : 0.3)) {
        const dueAt = spokeAt + rng.int(14, 60) * DAY;
        const done = dueAt < opts.now - 7 * DAY && rng.chance(0.7);
        actions.push({
          title:
            outcome === "lost"
              ? zh
                ? `赢回：${title}`
                : `Win back: ${title}`
              : zh
                ? `保住业务：${title}`
                : `Keep the business: ${title}`,
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
        words: zh ? words.zh : words.en,
        actions,
      };
    }
    plans.push({
      ...base,
      expectedCloseAt: closedAt,
      status: outcome,
      closedAt,
      ownerReason,
      competitor,
      review,
    });
  }
  return plans;
}
