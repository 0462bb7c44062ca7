// Promised times, the clock, and how each complaint ended (issue #5 §2–3, domain.md §4). Pure.

export const SEVERITIES = ["low", "medium", "high"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type SeverityPromise = { acknowledgeHours: number; resolveDays: number };
export type PromisedTimes = Record<Severity, SeverityPromise>;

/** Defaults: acknowledge within 24 h; resolve within 10, 5 or 2 days by severity (a setting). */
export const DEFAULT_PROMISED_TIMES: PromisedTimes = {
  low: { acknowledgeHours: 24, resolveDays: 10 },
  medium: { acknowledgeHours: 24, resolveDays: 5 },
  high: { acknowledgeHours: 24, resolveDays: 2 },
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function acknowledgeDueAt(receivedAt: number, severity: Severity, t = DEFAULT_PROMISED_TIMES): number {
  return receivedAt + t[severity].acknowledgeHours * HOUR;
}

export function resolveDueAt(receivedAt: number, severity: Severity, t = DEFAULT_PROMISED_TIMES): number {
  return receivedAt + t[severity].resolveDays * DAY;
}

export type ClockState = "met" | "on_time" | "due_soon" | "breached";

/** Share of the promised window left under which a clock shows "due soon". */
export const DUE_SOON_SHARE = 0.25;

/**
 * One promise's clock. Done at or before the due moment is met; done after it, or not done when now is past
 * it, is breached. Exactly at the due moment is still on time. "Due soon" is the last quarter of the window.
 */
export function clock(input: {
  startAt: number;
  dueAt: number;
  doneAt: number | null;
  now: number;
}): ClockState {
  const { startAt, dueAt, doneAt, now } = input;
  if (doneAt !== null) return doneAt <= dueAt ? "met" : "breached";
  if (now > dueAt) return "breached";
  return dueAt - now <= (dueAt - startAt) * DUE_SOON_SHARE ? "due_soon" : "on_time";
}

export const OUTCOMES = ["unacknowledged", "unresolved", "resolved", "resolved_quickly"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * How a complaint ended, or stands once it is past its resolution time:
 * - unacknowledged: no acknowledgement was ever made (closed, or open past its resolution time);
 * - unresolved: acknowledged, but closed without the customer's confirmation, or open past its resolution time;
 * - resolved: the customer confirmed, after the promised resolution time;
 * - resolved quickly: the customer confirmed within the promised resolution time.
 * An open complaint still within its resolution time has no outcome yet (null).
 */
export function outcomeOf(input: {
  acknowledgedAt: number | null;
  /** When the customer confirmed the remedy (closing with confirmation); null otherwise. */
  confirmedAt: number | null;
  closed: boolean;
  resolveDueAt: number;
  now: number;
}): Outcome | null {
  const { acknowledgedAt, confirmedAt, closed, resolveDueAt: due, now } = input;
  if (confirmedAt !== null) return confirmedAt <= due ? "resolved_quickly" : "resolved";
  if (!closed && now <= due) return null;
  return acknowledgedAt === null ? "unacknowledged" : "unresolved";
}

/** Repurchase rates the literature reports by outcome (TARP and similar; domain.md §4), for comparison. */
export const LITERATURE_REPURCHASE: Record<Outcome, string> = {
  unacknowledged: "< 10%",
  unresolved: "≈ 20%",
  resolved: "≈ 54%",
  resolved_quickly: "80%+",
};

/** Share (0..1) of accounts that ordered again; null when there are none to count. */
export function repurchaseRate(repurchased: number, accounts: number): number | null {
  return accounts > 0 ? repurchased / accounts : null;
}

/** Median and 90th percentile (nearest rank) of durations; nulls when there are none. */
export function medianAndP90(values: readonly number[]): { median: number | null; p90: number | null } {
  if (values.length === 0) return { median: null, p90: null };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const p90 = sorted[Math.ceil(0.9 * sorted.length) - 1] as number;
  return { median, p90 };
}
