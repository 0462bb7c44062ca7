// What the demo company sells and to whom: segments (deliberately uneven in size), their industries and the
// order categories each segment tends to buy.

export type SegmentSpec = {
  name: string;
  /** Relative share of company accounts. */
  weight: number;
  industries: readonly string[];
  categories: readonly string[];
  /** Median order size in major currency units. */
  medianOrder: number;
};

export const COMPANY_SEGMENTS: readonly SegmentSpec[] = [
  {
    name: "Retail",
    weight: 34,
    industries: ["Grocery", "Apparel", "Consumer electronics", "Home goods", "Pharmacy chain"],
    categories: ["Packaging", "Shelving", "Point of sale", "Consumables"],
    medianOrder: 1_800,
  },
  {
    name: "Manufacturing",
    weight: 21,
    industries: ["Automotive parts", "Textiles", "Electronics", "Machinery", "Chemicals", "Food processing"],
    categories: ["Spare parts", "Tooling", "Safety equipment", "Packaging", "Maintenance service"],
    medianOrder: 6_500,
  },
  {
    name: "Hospitality",
    weight: 14,
    industries: ["Hotels", "Restaurants", "Catering", "Travel"],
    categories: ["Kitchen equipment", "Consumables", "Linen", "Cleaning supplies"],
    medianOrder: 1_200,
  },
  {
    name: "Healthcare",
    weight: 10,
    industries: ["Hospitals", "Clinics", "Laboratories", "Elder care"],
    categories: ["Medical consumables", "Cleaning supplies", "Safety equipment", "Maintenance service"],
    medianOrder: 4_200,
  },
  {
    name: "Education",
    weight: 6,
    industries: ["Schools", "Universities", "Training centres"],
    categories: ["Office supplies", "Furniture", "IT equipment"],
    medianOrder: 2_600,
  },
  {
    name: "Public sector",
    weight: 3,
    industries: ["Local government", "Utilities", "Transport authority"],
    categories: ["Office supplies", "Safety equipment", "Maintenance service", "IT equipment"],
    medianOrder: 9_000,
  },
];

/** Private buyers: small orders, more of them one-off. */
export const PERSON_SEGMENT: SegmentSpec = {
  name: "Consumer",
  weight: 0,
  industries: ["Private customer"],
  categories: ["Home goods", "Consumables", "Office supplies"],
  medianOrder: 180,
};

/** Month-of-year demand (Jan = 0): spring restocking, an autumn peak, quiet around Chinese New Year and August. */
export const MONTH_WEIGHTS = [0.7, 0.6, 1.1, 1.1, 1.0, 1.0, 0.9, 0.7, 1.0, 1.2, 1.4, 1.3] as const;

/** Category names as a Chinese-speaking account manager writes them in notes. */
export const CATEGORY_ZH: Record<string, string> = {
  Packaging: "包装材料",
  Shelving: "货架",
  "Point of sale": "收银设备",
  Consumables: "耗材",
  "Spare parts": "备件",
  Tooling: "工装夹具",
  "Safety equipment": "安全防护用品",
  "Maintenance service": "维保服务",
  "Kitchen equipment": "厨房设备",
  Linen: "布草",
  "Cleaning supplies": "清洁用品",
  "Medical consumables": "医用耗材",
  "Office supplies": "办公用品",
  Furniture: "家具",
  "IT equipment": "IT设备",
  "Home goods": "家居用品",
};

/**
 * The segments' labels in Chinese, and the deal stages': the names are typed in English in the demo, so a
 * Chinese reader sees these (name_labels, issue #12 §7).
 */
export const SEGMENT_ZH: Record<string, string> = {
  Retail: "零售",
  Manufacturing: "制造业",
  Hospitality: "酒店餐饮",
  Healthcare: "医疗健康",
  Education: "教育",
  "Public sector": "公共部门",
  Consumer: "个人消费者",
};
export const STAGE_ZH: Record<string, string> = {
  Qualifying: "资格审查",
  Proposal: "方案报价",
  Negotiation: "商务谈判",
};
