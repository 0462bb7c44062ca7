// Sentences people in the demo company type, in the language of the person typing (the account's owner):
// ladder-move reasons, activity summaries, task titles. What the system writes (first order, lapse, win-back,
// where an account came from) is stored as a code and shown in the reader's language instead.
import type { ActivityType, LOST_REASONS } from "../schema";
import type { Language } from "./names";
import type { Rng } from "./prng";

type Bilingual = { en: readonly string[]; zh: readonly string[] };

const say = (rng: Rng, lang: Language, texts: Bilingual) => rng.pick(texts[lang]);

/** Where an account came from: a code the ladder history shows in the reader's language (issue #12 §7). */
export const SOURCES = ["trade_fair", "web", "referral", "directory"] as const;
export const QUALIFIED: Bilingual = {
  en: [
    "Budget confirmed and credit check passed",
    "Needs our range; pays on 30-day terms",
    "Met the buyer: clear demand for next quarter",
  ],
  zh: ["预算已确认，信用审核通过", "有明确采购需求，可接受30天账期", "已拜访采购负责人，下季度有需求"],
};
export const DISQUALIFIED: Bilingual = {
  en: [
    "No credit: failed the credit check",
    "No profit for us: volumes too small for delivery costs",
    "Outside our delivery area",
  ],
  zh: ["信用不合格：未通过信用审核", "无利润：采购量太小，覆盖不了配送成本", "超出我们的配送范围"],
};
export const PROMOTED = {
  client: {
    en: ["Buys all of these categories from us now", "Confirmed we are their only supplier in this range"],
    zh: ["该品类已全部从我们这里采购", "确认我们是其该品类的唯一供应商"],
  },
  member: {
    en: ["Enrolled in the Ladder Plus programme", "Signed up for the membership benefits"],
    zh: ["已加入阶梯会员计划", "已办理会员，享受全套会员权益"],
  },
  advocate: {
    en: ["Referred two new customers to us", "Gave us a glowing reference for a tender"],
    zh: ["为我们推荐了两位新客户", "在招标中为我们提供了推荐信"],
  },
  partner: {
    en: ["Signed a joint plan to cut their logistics costs", "Quarterly joint planning agreed"],
    zh: ["签订联合计划，共同降低物流成本", "约定每季度联合规划"],
  },
} as const satisfies Record<string, Bilingual>;

export const LOST_TEXT: Record<(typeof LOST_REASONS)[number], Bilingual> = {
  bankrupt: { en: ["Company went into liquidation"], zh: ["公司已破产清算"] },
  moved: { en: ["Moved out of our region"], zh: ["已迁出我们的服务区域"] },
  dissatisfied: { en: ["Unhappy after repeated late deliveries"], zh: ["多次延迟交货，客户不满意"] },
  competitor: { en: ["Switched to a competitor's offer"], zh: ["转向了竞争对手"] },
  other: { en: ["Stopped buying this category"], zh: ["不再采购该品类"] },
};

const ACTIVITY: Record<ActivityType, Bilingual> = {
  call: {
    en: [
      "Called {c} to check the last delivery arrived complete",
      "Call with {c}: asked about next quarter's needs for {cat}",
      "{c} called about an invoice question; sorted on the call",
      "Follow-up call: {c} happy with the {cat} order",
    ],
    zh: [
      "致电{c}，确认上批货已完整送达",
      "与{c}通话，了解下季度{cat}需求",
      "{c}来电咨询发票问题，已当场解决",
      "回访电话：{c}对{cat}订单很满意",
    ],
  },
  email: {
    en: [
      "Sent {c} the updated {cat} price list",
      "Emailed {c} a quote for {cat}",
      "Sent {c} the delivery schedule",
    ],
    zh: ["已向{c}发送最新{cat}价目表", "已通过邮件向{c}报价{cat}", "已把交货计划发给{c}"],
  },
  meeting: {
    en: [
      "Meeting with {c}: reviewed this year's orders and savings",
      "Quarterly review with {c}; agreed on {cat} volumes",
    ],
    zh: ["与{c}开会，回顾本年度订单与节省的成本", "与{c}季度复盘，确定{cat}采购量"],
  },
  visit: {
    en: [
      "Visited {c} on site; saw how they store our {cat}",
      "Site visit with {c}: walked through the new warehouse",
    ],
    zh: ["上门拜访{c}，查看我们{cat}的使用情况", "实地拜访{c}，参观了新仓库"],
  },
  note: {
    en: [
      "{c} mentioned a competitor offered a lower price",
      "Note: {c} prefers calls in the morning",
      "Budget for {cat} is approved for next year",
    ],
    zh: ["{c}提到有竞争对手报了更低的价格", "备注：{c}希望上午联系", "明年的{cat}预算已获批准"],
  },
};

export function activitySummary(
  rng: Rng,
  lang: Language,
  type: ActivityType,
  contact: string,
  category: string,
): string {
  const template = say(rng, lang, ACTIVITY[type]);
  return template.replace("{c}", contact).replace("{cat}", category);
}

const TASKS: Bilingual = {
  en: [
    "Follow up on the quote",
    "Check-in call after delivery",
    "Send the new catalogue",
    "Ask for feedback on the last order",
    "Prepare the quarterly review",
    "Confirm next month's volumes",
  ],
  zh: [
    "跟进报价",
    "交货后回访电话",
    "寄送新产品目录",
    "就上次订单征求反馈",
    "准备季度复盘",
    "确认下月采购量",
  ],
};
export function taskTitle(rng: Rng, lang: Language): string {
  return say(rng, lang, TASKS);
}

export function pickText(rng: Rng, lang: Language, texts: Bilingual): string {
  return say(rng, lang, texts);
}

/** A short contact label in summaries: the person's name, or "the buyer" when the account has no contact. */
export function noContact(lang: Language): string {
  return lang === "zh" ? "采购负责人" : "the buyer";
}
