// The demo complaints' vocabulary (issue #5 §5): draws by weight for channel, category, severity, outcome,
// root cause and remedy, and the sentences the complaints say. Pure data for db/seed/complaints.ts.
import type { Outcome } from "@/server/complaints/sla.rules";
import type { ComplaintCategory, ComplaintChannel, RemedyType } from "../schema";

export const CHANNELS: ReadonlyArray<readonly [ComplaintChannel, number]> = [
  ["phone", 30],
  ["email", 24],
  ["web_form", 15],
  ["chat", 12],
  ["social_media", 8],
  ["in_person", 7],
  ["letter", 4],
];
export const CATEGORIES: ReadonlyArray<readonly [ComplaintCategory, number]> = [
  ["staff_attitude", 22],
  ["product_quality", 20],
  ["delivery", 18],
  ["service", 14],
  ["technical", 10],
  ["payment", 9],
  ["other", 7],
];
export const SEVERITIES: ReadonlyArray<readonly ["low" | "medium" | "high", number]> = [
  ["low", 40],
  ["medium", 42],
  ["high", 18],
];

/** Outcome mix before conditioning, and the repurchase rate each outcome should show. */
export const OUTCOME_PRIOR: ReadonlyArray<readonly [Outcome, number, number]> = [
  ["unacknowledged", 9, 0.07],
  ["unresolved", 21, 0.2],
  ["resolved", 30, 0.54],
  ["resolved_quickly", 40, 0.85],
];

/** Root causes (the settings' default keys) and who was responsible, by category. */
export const CAUSES: Record<ComplaintCategory, ReadonlyArray<readonly [string, string, number]>> = {
  product_quality: [
    ["product_defect", "our_product", 60],
    ["supplier", "supplier", 0],
    ["expectation_gap", "our_process", 20],
    ["customer_misuse", "customer", 20],
  ],
  delivery: [
    ["late_delivery", "delivery_partner", 50],
    ["damaged_in_transit", "delivery_partner", 30],
    ["wrong_item", "our_process", 20],
  ],
  staff_attitude: [
    ["staff_attitude", "our_staff", 85],
    ["expectation_gap", "our_staff", 15],
  ],
  service: [
    ["unclear_information", "our_process", 40],
    ["staff_attitude", "our_staff", 30],
    ["expectation_gap", "our_process", 30],
  ],
  technical: [
    ["product_defect", "our_product", 45],
    ["unclear_information", "our_process", 30],
    ["customer_misuse", "customer", 25],
  ],
  payment: [
    ["billing_error", "our_process", 75],
    ["unclear_information", "our_process", 25],
  ],
  other: [
    ["other", "unknown", 60],
    ["expectation_gap", "customer", 40],
  ],
};

export const REMEDIES: Record<ComplaintCategory, ReadonlyArray<readonly [RemedyType, number]>> = {
  product_quality: [
    ["exchange", 35],
    ["return", 25],
    ["repair", 25],
    ["discount", 15],
  ],
  delivery: [
    ["discount", 40],
    ["exchange", 30],
    ["compensation", 30],
  ],
  staff_attitude: [
    ["explanation", 60],
    ["discount", 25],
    ["compensation", 15],
  ],
  service: [
    ["explanation", 50],
    ["discount", 35],
    ["compensation", 15],
  ],
  technical: [
    ["repair", 50],
    ["explanation", 35],
    ["exchange", 15],
  ],
  payment: [
    ["explanation", 40],
    ["compensation", 35],
    ["discount", 25],
  ],
  other: [
    ["explanation", 70],
    ["discount", 30],
  ],
};

/** Median remedy value (minor units) by type; explanations cost nothing. */
export const REMEDY_MEDIAN: Record<RemedyType, number> = {
  return: 30_000,
  exchange: 25_000,
  repair: 15_000,
  discount: 8_000,
  compensation: 20_000,
  explanation: 0,
};

export const TEXT: Record<ComplaintCategory, { en: string; zh: string }> = {
  product_quality: { en: "Part of the last delivery is faulty.", zh: "上一批货有部分质量问题。" },
  delivery: { en: "The order arrived late and the packaging was damaged.", zh: "订单延迟送达，包装破损。" },
  staff_attitude: {
    en: "Your representative was rude on the phone.",
    zh: "你们的客服人员在电话里态度很差。",
  },
  service: { en: "Nobody called back as promised.", zh: "说好回电，但一直没人联系。" },
  technical: { en: "The unit stops working after an hour.", zh: "设备运行一小时后就停止工作。" },
  payment: { en: "We were invoiced twice for the same order.", zh: "同一张订单被重复开票。" },
  other: { en: "Several small problems with the last order.", zh: "上一张订单有好几个小问题。" },
};
export const REQUEST = { en: "Please fix this and tell us what happened.", zh: "请尽快处理并说明原因。" };
export const UNCONFIRMED_REASON = {
  unacknowledged: { en: "Closed in the backlog clean-up; never answered.", zh: "积压清理时关闭，从未答复。" },
  unresolved: { en: "The customer stopped answering.", zh: "客户不再回复。" },
};
