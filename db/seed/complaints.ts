// Demo complaints over three years (issue #5 §5). Pure: the writer inserts what this returns.
//
// A complaint follows an order (a few days to a month later). Its outcome is drawn *given* whether the
// account ordered again within 180 days, with weights prior × repurchase rate (or × its complement), so that
// across the demo the share of accounts buying again after each outcome follows the literature (under 10%,
// about 20%, about 54%, 80%+; domain.md §4). Drawing the outcome from the orders rather than the orders
// from the outcome keeps every account's orders, ladder moves and figures exactly as the history generator
// made them, and so keeps the seed's other data from shifting.
import { DEFAULT_ROUTING } from "@/server/complaints/routing.rules";
import {
  acknowledgeDueAt,
  DEFAULT_PROMISED_TIMES,
  type Outcome,
  resolveDueAt,
} from "@/server/complaints/sla.rules";
import type {
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_STATUSES,
  ComplaintCategory,
  ComplaintChannel,
  RemedyType,
} from "../schema";
import {
  CATEGORIES,
  CAUSES,
  CHANNELS,
  OUTCOME_PRIOR,
  REMEDIES,
  REMEDY_MEDIAN,
  REQUEST,
  SEVERITIES,
  TEXT,
  UNCONFIRMED_REASON,
} from "./complaint-tables";
import type { AccountHistory } from "./history";
import type { Rng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEARS = 3;
/** The window the outcome is conditioned on (the dashboard's default N). */
const REPURCHASE_DAYS = 180;
/**
 * Chance that an order in the last three years is followed by a complaint, by whether the account bought
 * again within the window after it: complaints come before defections far more often than before repeat
 * orders (most demo accounts reorder within months, so without this nearly every complaint would be
 * followed by an order whatever its outcome). About 1 complaint per 2 accounts overall.
 */
const COMPLAINT_CHANCE = { reordered: 0.04, stopped: 0.24, unknown: 0.064 };

type Status = (typeof COMPLAINT_STATUSES)[number];
type EventKind = (typeof COMPLAINT_EVENT_KINDS)[number];

export type ComplaintEventPlan = {
  kind: EventKind;
  fromStatus: Status | null;
  toStatus: Status | null;
  message: string | null;
  isPublic: boolean;
  actorId: string | null;
  at: number;
};

export type ComplaintPlan = {
  reference: string;
  accountId: number;
  contactId: number | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: "low" | "medium" | "high";
  description: string;
  customerRequest: string;
  status: Status;
  department: string;
  handlerId: string;
  rootCause: string | null;
  responsibleParty: string | null;
  remedyType: RemedyType | null;
  remedyValue: number | null;
  remedyCarriedOutAt: number | null;
  approvedById: string | null;
  approvedAt: number | null;
  confirmationChannel: string | null;
  confirmedById: string | null;
  closedUnconfirmedReason: string | null;
  receivedAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  ackDueAt: number;
  resolveDueAt: number;
  dueAt: number | null;
  ackBreachedAt: number | null;
  resolveBreachedAt: number | null;
  publicEmail: string | null;
  locale: "en" | "zh";
  checklist: [boolean, boolean, boolean, boolean, boolean, boolean];
  updatedAt: number;
  events: ComplaintEventPlan[];
};

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
function block(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 4; i++) s += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  return s;
}

/** Picks the outcome given whether the account bought again (null: its window has not ended yet). */
export function drawOutcome(rng: Rng, repurchased: boolean | null): Outcome {
  return rng.weighted(
    OUTCOME_PRIOR.map(
      ([o, prior, rate]) =>
        [o, repurchased === null ? prior : prior * (repurchased ? rate : 1 - rate)] as const,
    ),
  );
}

/** The account's complaints of the last three years, each after one of its orders, with their timelines. */
export function generateComplaints(
  rng: Rng,
  h: AccountHistory,
  opts: { now: number; contactId: number | null; email: string | null; agentId: string; approverId: string },
): ComplaintPlan[] {
  const plans: ComplaintPlan[] = [];
  const since = opts.now - YEARS * 365 * DAY;
  const orderTimes = h.orders.map((o) => o.orderedAt);
  const lang = h.lang;
  for (const order of h.orders) {
    if (order.orderedAt < since) continue;
    const receivedAt = order.orderedAt + rng.int(1, 30) * DAY + rng.int(0, DAY - 1);
    const windowEnd = receivedAt + REPURCHASE_DAYS * DAY;
    const bought = orderTimes.some((t) => t > receivedAt && t <= windowEnd);
    const repurchased = bought ? true : windowEnd <= opts.now ? false : null;
    const chance = COMPLAINT_CHANCE[repurchased === null ? "unknown" : repurchased ? "reordered" : "stopped"];
    if (!rng.chance(chance) || receivedAt > opts.now - HOUR) continue;
    const outcome = drawOutcome(rng, repurchased);
    plans.push(planOne(rng, h, opts, { receivedAt, outcome, lang }));
  }
  return plans;
}

function planOne(
  rng: Rng,
  h: AccountHistory,
  opts: { now: number; contactId: number | null; email: string | null; agentId: string; approverId: string },
  c: { receivedAt: number; outcome: Outcome; lang: "en" | "zh" },
): ComplaintPlan {
  const { receivedAt, outcome, lang } = c;
  const { now, agentId } = opts;
  const channel = rng.weighted(CHANNELS);
  const category = rng.weighted(CATEGORIES);
  const severity = rng.weighted(SEVERITIES);
  const ackDue = acknowledgeDueAt(receivedAt, severity);
  const resolveDue = resolveDueAt(receivedAt, severity);
  const resolveMs = DEFAULT_PROMISED_TIMES[severity].resolveDays * DAY;
  const events: ComplaintEventPlan[] = [];
  const ev = (
    kind: EventKind,
    at: number,
    fromStatus: Status | null,
    toStatus: Status | null,
    message: string | null = null,
    isPublic = false,
  ) => {
    if (at <= now)
      events.push({
        kind,
        fromStatus,
        toStatus,
        message,
        isPublic,
        actorId: kind === "created" || kind === "breach" ? null : agentId,
        at,
      });
  };
  ev("created", receivedAt, null, "received", null, true);

  // The moments each step happened, capped at now: a step later than now has not happened yet.
  const acked = outcome !== "unacknowledged";
  const ackAt = acked
    ? receivedAt +
      Math.round(Math.min(rng.logNormal(outcome === "resolved_quickly" ? 4 : 10, 0.9), 96) * HOUR)
    : null;
  let resolvedAt: number | null = null;
  let closedAt: number | null = null;
  if (outcome === "resolved_quickly") {
    resolvedAt = Math.max(
      (ackAt ?? receivedAt) + HOUR,
      receivedAt + Math.round(resolveMs * (0.25 + 0.75 * rng.next())),
    );
    closedAt = resolvedAt + rng.int(0, 24) * HOUR;
  } else if (outcome === "resolved") {
    resolvedAt = resolveDue + Math.round(rng.logNormal(3, 0.8) * DAY);
    closedAt = resolvedAt + rng.int(0, 48) * HOUR;
  } else if (outcome === "unresolved") {
    closedAt = resolveDue + rng.int(5, 40) * DAY;
  } else {
    closedAt = resolveDue + rng.int(20, 60) * DAY;
  }
  const investigated = acked && (ackAt as number) + 2 * HOUR <= now;
  const cause = rng.weighted(CAUSES[category].filter((x) => x[2] > 0).map((x) => [x, x[2]] as const));
  const remedyType =
    outcome === "unacknowledged" || (outcome === "unresolved" && rng.chance(0.5))
      ? null
      : rng.weighted(REMEDIES[category]);
  const remedyValue =
    remedyType === null
      ? null
      : REMEDY_MEDIAN[remedyType] === 0
        ? 0
        : Math.round(rng.logNormal(REMEDY_MEDIAN[remedyType], 0.8) / 100) * 100;
  const endAt = resolvedAt ?? closedAt;
  const proposedAt = ackAt === null ? null : ackAt + Math.round(((endAt as number) - ackAt) * 0.4);
  const needsApproval = remedyValue !== null && remedyValue > 50_000;
  const approvedAt = needsApproval && proposedAt !== null ? proposedAt + rng.int(2, 30) * HOUR : null;
  const carriedAt =
    remedyType !== null && proposedAt !== null
      ? Math.min((endAt as number) - HOUR, (approvedAt ?? proposedAt) + rng.int(2, 48) * HOUR)
      : null;
  const askedAt =
    resolvedAt !== null && carriedAt !== null ? Math.min(resolvedAt - 1, carriedAt + HOUR) : null;

  // Walk the timeline up to now; the status is wherever it got.
  let status = "received" as Status;
  const step = (to: Status, at: number | null, message: string | null = null, isPublic = false) => {
    if (at === null || at > now) return false;
    ev("status", at, status, to, message, isPublic);
    status = to;
    return true;
  };
  step(
    "acknowledged",
    ackAt,
    lang === "zh" ? "感谢您的反馈，我们正在处理。" : "Thank you — we are on it.",
    true,
  );
  if (investigated) {
    step("investigating", (ackAt as number) + HOUR);
    ev("findings", (ackAt as number) + 2 * HOUR, null, null, `${cause[0]} / ${cause[1]}`);
  }
  if (remedyType !== null && proposedAt !== null) {
    if (needsApproval) {
      step("awaiting_approval", proposedAt);
      if (approvedAt !== null && approvedAt <= now) {
        events.push({
          kind: "status",
          fromStatus: "awaiting_approval",
          toStatus: "approved",
          message: null,
          isPublic: false,
          actorId: opts.approverId,
          at: approvedAt,
        });
        status = "approved";
      }
    } else {
      step("remedy_proposed", proposedAt);
    }
    if (status === "approved" || status === "remedy_proposed") step("remedy_carried_out", carriedAt);
    if (status === "remedy_carried_out") step("awaiting_confirmation", askedAt);
  }
  const ackBreached = (ackAt ?? Number.POSITIVE_INFINITY) > ackDue && ackDue < now ? ackDue : null;
  const resolveBreached =
    (resolvedAt ?? Number.POSITIVE_INFINITY) > resolveDue && resolveDue < now ? resolveDue : null;
  if (ackBreached !== null) ev("breach", ackBreached, null, null, "acknowledge");
  if (resolveBreached !== null) ev("breach", resolveBreached, null, null, "resolve");
  let confirmed = false;
  if (resolvedAt !== null && resolvedAt <= now) {
    ev("confirmation", resolvedAt, null, null, null);
    confirmed = true;
  }
  let closed = false;
  if (
    closedAt !== null &&
    closedAt <= now &&
    (confirmed || outcome === "unresolved" || outcome === "unacknowledged")
  ) {
    const to: Status = confirmed ? "closed" : "closed_unconfirmed";
    const reason = confirmed ? null : UNCONFIRMED_REASON[outcome as "unresolved" | "unacknowledged"][lang];
    step(to, closedAt, reason, confirmed);
    closed = true;
  }
  events.sort((a, b) => a.at - b.at);
  const done = <T>(at: number | null, v: T): T | null => (at !== null && at <= now ? v : null);
  const checklist = (p: number) => rng.chance(p);
  const good = outcome === "resolved_quickly" ? 0.9 : outcome === "resolved" ? 0.7 : 0.3;
  return {
    reference: `C-${block(rng)}-${block(rng)}`,
    accountId: h.account.id,
    contactId: opts.contactId,
    channel,
    category,
    severity,
    description: TEXT[category][lang],
    customerRequest: REQUEST[lang],
    status,
    department: DEFAULT_ROUTING[category],
    handlerId: agentId,
    rootCause: investigated ? cause[0] : null,
    responsibleParty: investigated ? cause[1] : null,
    remedyType: done(proposedAt, remedyType),
    remedyValue: done(proposedAt, remedyValue),
    remedyCarriedOutAt: done(carriedAt, carriedAt),
    approvedById: done(approvedAt, opts.approverId),
    approvedAt: done(approvedAt, approvedAt),
    confirmationChannel: confirmed ? rng.pick(["phone", "email", "chat"] as const) : null,
    confirmedById: confirmed ? agentId : null,
    closedUnconfirmedReason: closed && !confirmed ? (events[events.length - 1]?.message ?? null) : null,
    receivedAt,
    acknowledgedAt: done(ackAt, ackAt),
    resolvedAt: confirmed ? resolvedAt : null,
    closedAt: closed ? closedAt : null,
    ackDueAt: ackDue,
    resolveDueAt: resolveDue,
    dueAt: closed ? null : ackAt !== null && ackAt <= now ? resolveDue : ackDue,
    ackBreachedAt: ackBreached,
    resolveBreachedAt: resolveBreached,
    publicEmail: opts.email ? opts.email.toLowerCase() : null,
    locale: lang,
    checklist: [
      acked && checklist(good + 0.05),
      acked && checklist(good),
      remedyType !== null,
      remedyType !== null && checklist(good - 0.2),
      outcome === "resolved_quickly",
      closed && checklist(good - 0.1),
    ],
    updatedAt: events[events.length - 1]?.at ?? receivedAt,
    events,
  };
}
