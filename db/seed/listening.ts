// Demo listening data (issue #13 §5): three years of feedback, relationship surveys on each level's schedule,
// CSAT after closed complaints and won deals, and referrals. Pure: the listening writer inserts what this
// returns.
//
// Like the demo complaints, answers are drawn *given* what the account did next (bought again within 180
// days, lapsed or was lost), so the dashboard's "does satisfaction predict staying" finds what the literature
// describes: promoters buy again more and leave less than detractors, and yet some promoters still leave.
// Drawing scores from the history rather than the history from the scores keeps every order and ladder move
// exactly as the history generator made them.
import { createHash } from "node:crypto";
import type { SurveySchedule } from "@/server/surveys/survey.rules";
import type { AnswerClass, Level, Rung, Sentiment, SurveyKind } from "../schema";
import { type AccountHistory, DAY } from "./history";
import { COMMENTS, FEEDBACK_WORDS, LOOP_NOTES, RESOLUTIONS } from "./listening-texts";
import type { Rng } from "./prng";

const HOUR = 3_600_000;
const YEARS = 3;
/**
 * The demo company's relationship survey schedule (months between surveys to a contact, by level): key
 * accounts every quarter, reactive ones twice a year. The seed stores it as the surveySchedule setting, so
 * the schedule job carries on where the history stops.
 */
export const DEMO_SURVEY_SCHEDULE: SurveySchedule = {
  basic: 0,
  reactive: 6,
  accountable: 3,
  proactive: 3,
  partnership: 3,
};
const WINDOW = 180 * DAY;
const LINK_DAYS = 30;
/** Chance a contact answers, by what the account did next: people about to leave answer less. */
const RESPONSE = { nps: { stays: 0.6, leaves: 0.38 }, csat_complaint: 0.58, csat_deal: 0.62 } as const;
/** NPS class weights given the account's next 180 days. */
const NPS_CLASS: Record<"left" | "bought" | "quiet", readonly (readonly [AnswerClass, number])[]> = {
  left: [
    ["promoter", 0.14],
    ["passive", 0.26],
    ["detractor", 0.6],
  ],
  bought: [
    ["promoter", 0.56],
    ["passive", 0.3],
    ["detractor", 0.14],
  ],
  quiet: [
    ["promoter", 0.3],
    ["passive", 0.35],
    ["detractor", 0.35],
  ],
};
const NPS_SCORE: Record<"promoter" | "passive" | "detractor", readonly (readonly [number, number])[]> = {
  promoter: [
    [9, 0.55],
    [10, 0.45],
  ],
  passive: [
    [7, 0.45],
    [8, 0.55],
  ],
  detractor: [
    [0, 0.03],
    [1, 0.03],
    [2, 0.05],
    [3, 0.09],
    [4, 0.14],
    [5, 0.28],
    [6, 0.38],
  ],
};
/** CSAT after a complaint by how it ended (resolved quickly → mostly 5s; unacknowledged → mostly 1s). */
const CSAT_BY_OUTCOME: Record<string, readonly number[]> = {
  resolved_quickly: [0.01, 0.02, 0.07, 0.3, 0.6],
  resolved: [0.04, 0.08, 0.23, 0.4, 0.25],
  unresolved: [0.35, 0.3, 0.2, 0.1, 0.05],
  unacknowledged: [0.6, 0.25, 0.1, 0.04, 0.01],
};
const CSAT_DEAL = { bought: [0.01, 0.02, 0.07, 0.35, 0.55], quiet: [0.05, 0.08, 0.17, 0.38, 0.32] } as const;

const SENTIMENT: readonly (readonly [Sentiment, number])[] = [
  ["praise", 0.33],
  ["suggestion", 0.3],
  ["problem", 0.37],
];
const THEME_BY_SENTIMENT: Record<Sentiment, readonly (readonly [string, number])[]> = {
  problem: [
    ["product_quality", 36],
    ["response_speed", 26],
    ["service_attitude", 19],
    ["price", 14],
    ["innovation", 5],
  ],
  praise: [
    ["service_attitude", 34],
    ["product_quality", 31],
    ["response_speed", 20],
    ["innovation", 10],
    ["price", 5],
  ],
  suggestion: [
    ["innovation", 34],
    ["product_quality", 26],
    ["price", 20],
    ["response_speed", 11],
    ["service_attitude", 9],
  ],
};
const INTERFACES: readonly (readonly [string, number])[] = [
  ["sales", 34],
  ["service", 28],
  ["technical_support", 12],
  ["delivery", 10],
  ["billing", 7],
  ["marketing", 3],
  ["channel_partner", 3],
  ["r_and_d", 2],
  ["production", 1],
];
const CHANNEL_BY_INTERFACE: Record<string, readonly (readonly [string, number])[]> = {
  sales: [
    ["in_person", 40],
    ["phone", 35],
    ["email", 20],
    ["chat", 5],
  ],
  service: [
    ["phone", 55],
    ["email", 25],
    ["chat", 15],
    ["web_form", 5],
  ],
  default: [
    ["phone", 35],
    ["email", 35],
    ["in_person", 20],
    ["social_media", 5],
    ["letter", 5],
  ],
};

export type LoopPlan = { assigneeId: string; dueAt: number; closedAt: number | null; note: string | null };

export type SurveyPlan = {
  kind: SurveyKind;
  token: string;
  accountId: number;
  contactId: number | null;
  email: string | null;
  locale: "en" | "zh";
  sourceKey: string;
  complaintId: number | null;
  dealId: number | null;
  complaintOutcome: string | null;
  ownerId: string | null;
  rung: Rung;
  level: Level;
  segment: string | null;
  sentAt: number;
  expiresAt: number;
  answeredAt: number | null;
  score: number | null;
  comment: string | null;
  loop: LoopPlan | null;
};

export type FeedbackPlan = {
  accountId: number;
  contactId: number | null;
  words: string;
  interface: string;
  channel: string;
  sentiment: Sentiment;
  theme: string;
  receivedAt: number;
  recordedById: string;
  action: { ownerId: string; dueAt: number; actionAt: number } | null;
  closedAt: number | null;
  closedById: string | null;
  resolution: string | null;
};

export type ListeningContext = {
  now: number;
  agentId: string;
  leadId: string;
  contacts: ReadonlyArray<{ id: number; name: string; email: string | null }>;
  complaints: ReadonlyArray<{
    id: number;
    reference: string;
    closedAt: number;
    outcome: string;
    email: string | null;
    contactId: number | null;
    locale: "en" | "zh";
  }>;
  wonDeals: ReadonlyArray<{ id: number; closedAt: number }>;
};

/**
 * A demo link's token: the account and the survey's place among its surveys make it unique (two accounts may
 * share a random stream), the draw makes it differ between seeds.
 */
function token(rng: Rng, accountId: number, index: number): string {
  return createHash("sha256")
    .update(`demo-survey:${accountId}:${index}:${rng.next()}`)
    .digest("base64url")
    .slice(0, 24);
}

/** The account's rung and status at a moment, read off its ladder moves. */
function stateAt(h: AccountHistory, at: number): { rung: Rung; status: string } | null {
  let state: { rung: Rung; status: string } | null = null;
  for (const m of h.moves) {
    if (m.at > at) break;
    state = { rung: m.toRung, status: m.toStatus };
  }
  return state;
}

function future(h: AccountHistory, at: number, now: number): "left" | "bought" | "quiet" | null {
  const left = h.moves.some(
    (m) =>
      m.at > at &&
      m.at <= at + WINDOW &&
      m.fromStatus === "active" &&
      (m.toStatus === "lapsed" || m.toStatus === "lost"),
  );
  if (left) return "left";
  if (h.orders.some((o) => o.orderedAt > at && o.orderedAt <= at + WINDOW)) return "bought";
  return at + WINDOW <= now ? "quiet" : null;
}

function loopFor(rng: Rng, assigneeId: string, answeredAt: number, now: number, lang: "en" | "zh"): LoopPlan {
  const dueAt = answeredAt + 2 * DAY;
  const age = now - answeredAt;
  const closes = age > 21 * DAY ? rng.chance(0.93) : age > 2 * DAY ? rng.chance(0.5) : rng.chance(0.15);
  const closedAt = closes
    ? Math.min(now - HOUR, answeredAt + Math.round(rng.logNormal(1.6 * DAY, 0.9)))
    : null;
  return {
    assigneeId,
    dueAt,
    closedAt: closedAt !== null && closedAt > answeredAt ? closedAt : null,
    note: closes ? rng.pick(LOOP_NOTES[lang]) : null,
  };
}

function csatScore(rng: Rng, weights: readonly number[]): number {
  return rng.weighted(weights.map((w, i) => [i + 1, w] as const));
}

/** Relationship surveys on the default schedule, and CSAT after the account's closed complaints and won deals. */
export function generateSurveys(rng: Rng, h: AccountHistory, ctx: ListeningContext): SurveyPlan[] {
  const a = h.account;
  const plans: SurveyPlan[] = [];
  const loopOwner = a.ownerId ?? ctx.leadId;
  const since = ctx.now - YEARS * 365 * DAY;
  const withEmail = ctx.contacts.filter((c) => c.email).slice(0, 3);
  const plan = (
    p: Omit<SurveyPlan, "token" | "expiresAt" | "ownerId" | "level" | "segment" | "accountId">,
  ) => {
    plans.push({
      ...p,
      token: token(rng, a.id, plans.length),
      accountId: a.id,
      ownerId: a.ownerId,
      level: a.level,
      segment: a.segment,
      expiresAt: p.sentAt + LINK_DAYS * DAY,
    });
  };
  const answer = (sentAt: number) => {
    const at = sentAt + Math.round(rng.logNormal(1.5 * DAY, 1.1));
    return at < sentAt + LINK_DAYS * DAY && at < ctx.now ? at : null;
  };
  const months = DEMO_SURVEY_SCHEDULE[a.level];
  if (months > 0 && a.firstOrderAt !== null) {
    // Each account has its own month in the cycle, so surveys go out all year round.
    const phase = a.id % months;
    const start = new Date(since);
    for (let m = start.getUTCFullYear() * 12 + start.getUTCMonth(); ; m++) {
      const wave = Date.UTC(Math.floor(m / 12), m % 12, 1 + (a.id % 25));
      if (wave > ctx.now) break;
      if ((m - phase) % months !== 0 || wave < since || a.firstOrderAt > wave) continue;
      const state = stateAt(h, wave);
      if (state?.status !== "active") continue;
      for (const c of withEmail) {
        const sentAt = wave + rng.int(0, 72) * HOUR;
        if (sentAt >= ctx.now) continue;
        const next = future(h, sentAt, ctx.now);
        const answeredAt = rng.chance(next === "left" ? RESPONSE.nps.leaves : RESPONSE.nps.stays)
          ? answer(sentAt)
          : null;
        let score: number | null = null;
        let comment: string | null = null;
        let loop: LoopPlan | null = null;
        if (answeredAt !== null) {
          // Answers whose 180 days have not passed yet follow the account's habit so far.
          const next = future(h, answeredAt, ctx.now) ?? (h.orders.length >= 3 ? "bought" : "quiet");
          const cls = rng.weighted(NPS_CLASS[next]) as "promoter" | "passive" | "detractor";
          score = rng.weighted(NPS_SCORE[cls]);
          if (rng.chance(0.55)) comment = rng.pick(COMMENTS[h.lang][cls]);
          if (cls === "detractor") loop = loopFor(rng, loopOwner, answeredAt, ctx.now, h.lang);
        }
        plan({
          kind: "nps",
          contactId: c.id,
          email: c.email,
          locale: h.lang,
          sourceKey: `nps:${c.id}:${new Date(sentAt).toISOString().slice(0, 10)}`,
          complaintId: null,
          dealId: null,
          complaintOutcome: null,
          rung: state.rung,
          sentAt,
          answeredAt,
          score,
          comment,
          loop,
        });
      }
    }
  }
  for (const c of ctx.complaints) {
    const sentAt = c.closedAt + HOUR;
    if (!c.email || sentAt < since || sentAt >= ctx.now) continue;
    const answeredAt = rng.chance(RESPONSE.csat_complaint) ? answer(sentAt) : null;
    const score =
      answeredAt === null
        ? null
        : csatScore(rng, CSAT_BY_OUTCOME[c.outcome] ?? CSAT_BY_OUTCOME.resolved ?? []);
    const cls = score === null ? null : score >= 4 ? "satisfied" : score === 3 ? "neutral" : "dissatisfied";
    plan({
      kind: "csat_complaint",
      contactId: c.contactId,
      email: c.email,
      locale: c.locale,
      sourceKey: `csat:complaint:${c.id}`,
      complaintId: c.id,
      dealId: null,
      complaintOutcome: c.outcome,
      rung: stateAt(h, sentAt)?.rung ?? a.rung,
      sentAt,
      answeredAt,
      score,
      comment: cls && rng.chance(0.5) ? rng.pick(COMMENTS[c.locale][cls]) : null,
      loop:
        answeredAt !== null && score !== null && score <= 2
          ? loopFor(rng, loopOwner, answeredAt, ctx.now, h.lang)
          : null,
    });
  }
  const buyer = withEmail[0];
  for (const d of ctx.wonDeals) {
    const sentAt = d.closedAt + 2 * HOUR;
    if (!buyer || sentAt < since || sentAt >= ctx.now) continue;
    const answeredAt = rng.chance(RESPONSE.csat_deal) ? answer(sentAt) : null;
    const next = answeredAt === null ? null : future(h, answeredAt, ctx.now);
    const score =
      answeredAt === null ? null : csatScore(rng, next === "bought" ? CSAT_DEAL.bought : CSAT_DEAL.quiet);
    const cls = score === null ? null : score >= 4 ? "satisfied" : score === 3 ? "neutral" : "dissatisfied";
    plan({
      kind: "csat_deal",
      contactId: buyer.id,
      email: buyer.email,
      locale: h.lang,
      sourceKey: `csat:deal:${d.id}`,
      complaintId: null,
      dealId: d.id,
      complaintOutcome: null,
      rung: stateAt(h, sentAt)?.rung ?? a.rung,
      sentAt,
      answeredAt,
      score,
      comment: cls && rng.chance(0.4) ? rng.pick(COMMENTS[h.lang][cls]) : null,
      loop:
        answeredAt !== null && score !== null && score <= 2
          ? loopFor(rng, loopOwner, answeredAt, ctx.now, h.lang)
          : null,
    });
  }
  return plans.sort((x, y) => x.sentAt - y.sentAt);
}

/** Feedback staff recorded about the account over three years, more for accounts that buy more. */
export function generateFeedback(rng: Rng, h: AccountHistory, ctx: ListeningContext): FeedbackPlan[] {
  const a = h.account;
  const since = Math.max(a.createdAt, ctx.now - YEARS * 365 * DAY);
  const recent = h.orders.filter((o) => o.orderedAt >= since).length;
  const expected = Math.min(6, 0.3 + 0.2 * recent);
  let n = 0;
  for (let i = 0; i < 8 && rng.chance(expected / (expected + 1)); i++) n++;
  const plans: FeedbackPlan[] = [];
  for (let i = 0; i < n; i++) {
    const base =
      h.orders.length && rng.chance(0.7)
        ? rng.pick(h.orders).orderedAt
        : since + rng.next() * (ctx.now - since);
    const receivedAt = Math.round(base + rng.int(1, 20) * DAY + rng.int(0, DAY - 1));
    if (receivedAt < since || receivedAt >= ctx.now - HOUR) continue;
    const sentiment = rng.weighted(SENTIMENT);
    const theme = rng.weighted(THEME_BY_SENTIMENT[sentiment]);
    const iface = rng.weighted(INTERFACES);
    const channel = rng.weighted(CHANNEL_BY_INTERFACE[iface] ?? CHANNEL_BY_INTERFACE.default ?? []);
    const recordedById =
      iface === "service" || iface === "technical_support"
        ? ctx.agentId
        : iface === "sales"
          ? (a.ownerId ?? ctx.leadId)
          : rng.chance(0.5)
            ? ctx.agentId
            : ctx.leadId;
    const needsAction =
      sentiment === "problem" ? rng.chance(0.8) : sentiment === "suggestion" ? rng.chance(0.45) : false;
    let action: FeedbackPlan["action"] = null;
    let closedAt: number | null = null;
    let resolution: string | null = null;
    let closedById: string | null = null;
    if (needsAction) {
      const ownerId =
        iface === "service" || iface === "technical_support" ? ctx.agentId : (a.ownerId ?? ctx.leadId);
      const actionAt = receivedAt + rng.int(0, 4) * HOUR;
      action = { ownerId, dueAt: actionAt + 7 * DAY, actionAt };
      const age = ctx.now - actionAt;
      if (age > 45 * DAY ? rng.chance(0.95) : rng.chance(Math.min(0.8, age / (30 * DAY)))) {
        closedAt = Math.min(ctx.now - HOUR, actionAt + Math.round(rng.logNormal(4 * DAY, 0.95)));
        resolution = rng.pick(RESOLUTIONS[h.lang]);
        closedById = ownerId;
      }
    } else if (rng.chance(0.6)) {
      closedAt = receivedAt + rng.int(1, 48) * HOUR;
      closedById = recordedById;
      resolution = rng.pick(RESOLUTIONS[h.lang]);
      if (closedAt >= ctx.now) closedAt = null;
    }
    const contact = ctx.contacts.length && rng.chance(0.8) ? rng.pick(ctx.contacts) : null;
    plans.push({
      accountId: a.id,
      contactId: contact?.id ?? null,
      words: rng.pick(FEEDBACK_WORDS[h.lang][theme]?.[sentiment] ?? ["—"]),
      interface: iface,
      channel,
      sentiment,
      theme,
      receivedAt,
      recordedById,
      action,
      closedAt,
      closedById: closedAt === null ? null : closedById,
      resolution: closedAt === null ? null : resolution,
    });
  }
  return plans.sort((x, y) => x.receivedAt - y.receivedAt);
}

/** Earlier customers a new account may have been referred by (kept across accounts, in seeding order). */
export type ReferralPool = { ids: number[]; firstOrderAt: number[] };

/** About one new account in five came by a customer's recommendation; returns the referrer, or null. */
export function drawReferrer(rng: Rng, h: AccountHistory, pool: ReferralPool, now: number): number | null {
  const a = h.account;
  let referrer: number | null = null;
  if (a.createdAt >= now - YEARS * 365 * DAY && pool.ids.length > 20 && rng.chance(0.22)) {
    for (let tries = 0; tries < 8 && referrer === null; tries++) {
      const k = rng.int(0, pool.ids.length - 1);
      if ((pool.firstOrderAt[k] ?? Number.POSITIVE_INFINITY) < a.createdAt - 7 * DAY)
        referrer = pool.ids[k] ?? null;
    }
  }
  if (a.firstOrderAt !== null) {
    pool.ids.push(a.id);
    pool.firstOrderAt.push(a.firstOrderAt);
  }
  return referrer;
}
