// Kotler's matrix: which level of relationship marketing fits an account, from how many customers share its
// segment and the margin it brings (domain.md §2), and the contact cadence each level promises.
import { LEVELS, type Level } from "@/db/schema";

export type SegmentSize = "many" | "medium" | "few";
export type MarginBand = "high" | "medium" | "low";

export type LevelThresholds = {
  /** A segment with at least this many customers has "many". */
  manyCustomersAtLeast: number;
  /** A segment with at least this many (and fewer than "many") has "medium"; below it, "few". */
  mediumCustomersAtLeast: number;
  /** Margin share (0..1) from which the margin is "high". */
  highMarginAtLeast: number;
  /** Margin share from which the margin is "medium"; below it, "low". */
  mediumMarginAtLeast: number;
};

export const DEFAULT_LEVEL_THRESHOLDS: LevelThresholds = {
  manyCustomersAtLeast: 1000,
  mediumCustomersAtLeast: 100,
  highMarginAtLeast: 0.3,
  mediumMarginAtLeast: 0.1,
};

export function segmentSize(customers: number, t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS): SegmentSize {
  if (customers >= t.manyCustomersAtLeast) return "many";
  if (customers >= t.mediumCustomersAtLeast) return "medium";
  return "few";
}

/** Margin over revenue, both in minor units. No revenue means no margin to speak of: low. */
export function marginBand(
  margin: number,
  revenue: number,
  t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): MarginBand {
  if (revenue <= 0) return "low";
  const share = margin / revenue;
  if (share >= t.highMarginAtLeast) return "high";
  if (share >= t.mediumMarginAtLeast) return "medium";
  return "low";
}

// "basic or reactive" (many customers, low margin) recommends reactive: inviting calls costs little.
const MATRIX: Record<SegmentSize, Record<MarginBand, Level>> = {
  many: { high: "accountable", medium: "reactive", low: "reactive" },
  medium: { high: "proactive", medium: "accountable", low: "reactive" },
  few: { high: "partnership", medium: "proactive", low: "accountable" },
};

export function recommendLevel(size: SegmentSize, band: MarginBand): Level {
  return MATRIX[size][band];
}

/**
 * The figures the recommendation uses: the last 12 months of orders, or the lifetime ones when the account
 * has no order in the last 12 months.
 */
export function recommendLevelFor(
  input: {
    segmentCustomers: number;
    margin12m: number;
    revenue12m: number;
    marginLifetime: number;
    revenueLifetime: number;
  },
  t: LevelThresholds = DEFAULT_LEVEL_THRESHOLDS,
): { level: Level; size: SegmentSize; band: MarginBand; basis: "12m" | "lifetime" } {
  const basis = input.revenue12m > 0 ? "12m" : "lifetime";
  const band =
    basis === "12m"
      ? marginBand(input.margin12m, input.revenue12m, t)
      : marginBand(input.marginLifetime, input.revenueLifetime, t);
  const size = segmentSize(input.segmentCustomers, t);
  return { level: recommendLevel(size, band), size, band, basis };
}

const YEAR = 365 * 86_400_000;

/**
 * What a year of the account is worth in margin: the last 12 months' margin when it had revenue in them,
 * otherwise its lifetime margin per year as a customer (first order to now, at least one year), rounded to
 * a minor unit. Null without orders: such an account gets no recommendation either.
 */
export function yearlyMargin(input: {
  orders: number;
  margin12m: number;
  revenue12m: number;
  marginLifetime: number;
  firstOrderAt: number | null;
  asOf: number;
}): number | null {
  if (input.orders === 0 || input.firstOrderAt === null) return null;
  if (input.revenue12m > 0) return input.margin12m;
  return Math.round(input.marginLifetime / Math.max(1, (input.asOf - input.firstOrderAt) / YEAR));
}

/** How many levels apart practised and recommended are (0 when they agree or nothing is recommended). */
export function levelGap(practised: Level, recommended: Level | null): number {
  return recommended === null ? 0 : Math.abs(LEVELS.indexOf(practised) - LEVELS.indexOf(recommended));
}

/** Which way a mismatch points: the account gets less (under) or more (over) than its level calls for. */
export function gapDirection(practised: Level, recommended: Level | null): "under" | "over" | null {
  if (recommended === null || practised === recommended) return null;
  return LEVELS.indexOf(practised) < LEVELS.indexOf(recommended) ? "under" : "over";
}

/** What a mismatch puts at stake: a year's margin times the levels it is off by; ranks the levels list. */
export function levelStake(yearly: number | null, gap: number): number {
  return (yearly ?? 0) * gap;
}

export type CadenceIntervals = {
  /** accountable: a check-in call this many days after each order */
  accountableCheckInDays: number;
  proactiveContactDays: number;
  partnershipContactDays: number;
  partnershipReviewDays: number;
};

export const DEFAULT_CADENCE: CadenceIntervals = {
  accountableCheckInDays: 7,
  proactiveContactDays: 30,
  partnershipContactDays: 14,
  partnershipReviewDays: 90,
};

const DAY = 86_400_000;

/** How often a level asks for a contact, in days; null when the level promises no regular contact. */
export function contactEveryDays(level: Level, c: CadenceIntervals = DEFAULT_CADENCE): number | null {
  if (level === "proactive") return c.proactiveContactDays;
  if (level === "partnership") return c.partnershipContactDays;
  return null;
}

/**
 * Whether an account's level cadence is not met at `now`: no contact-type activity within the level's period
 * (counted from the later of the last contact and the moment the level started), or a cadence task past due.
 */
export function isCadenceOverdue(input: {
  level: Level;
  now: number;
  lastContactAt: number | null;
  levelSince: number;
  openCadenceTaskDueAts: readonly number[];
  cadence?: CadenceIntervals;
}): boolean {
  if (input.openCadenceTaskDueAts.some((due) => due < input.now)) return true;
  const every = contactEveryDays(input.level, input.cadence);
  if (every === null) return false;
  const from = Math.max(input.lastContactAt ?? Number.NEGATIVE_INFINITY, input.levelSince);
  return input.now - from > every * DAY;
}

/** The accountable level's check-in: due a set number of days after the order. */
export function checkInDueAt(orderedAt: number, c: CadenceIntervals = DEFAULT_CADENCE): number {
  return orderedAt + c.accountableCheckInDays * DAY;
}
