// Manual ladder moves and lapse (issue #3 §1). Pure: decides whether a move a person asks for is allowed and
// what it needs; the queries apply it. Orders move accounts on their own (ladder.rules.ts).
import type { AccountStatus } from "@/db/schema";
import { ALL_RUNGS, isUpperRung, type Rung, rungIndex, UPPER_RUNGS, type UpperRung } from "@/lib/ladder";

/** Evidence a person records for the rungs above repeat customer. */
export type Evidence =
  | { kind: "share_of_wallet"; percent: number; category?: string }
  | { kind: "judgement"; note: string }
  | { kind: "enrolment"; programme: string; enrolledAt: number }
  | { kind: "referral"; referred: string }
  | { kind: "promoter_score"; score: number }
  | { kind: "agreement"; title: string; signedAt: number }
  | { kind: "joint_plan"; title: string; agreedAt: number };

/** Which kinds of evidence justify each upper rung. */
export const EVIDENCE_FOR: Record<UpperRung, readonly Evidence["kind"][]> = {
  client: ["share_of_wallet", "judgement"],
  member: ["enrolment"],
  advocate: ["referral", "promoter_score"],
  partner: ["agreement", "joint_plan"],
};

/** Why evidence for a rung cannot move an account from where it stands; null when confirming it would. */
export type EvidenceBlock = "below_repeat" | "already_there";

export function evidenceBlock(from: Rung, to: UpperRung): EvidenceBlock | null {
  if (rungIndex(from) < rungIndex("repeat")) return "below_repeat";
  if (rungIndex(to) <= rungIndex(from)) return "already_there";
  return null;
}

/** The kinds of evidence that could move this account up from its rung (what recording may offer). */
export function evidenceKindsFrom(from: Rung): Evidence["kind"][] {
  return UPPER_RUNGS.filter((to) => evidenceBlock(from, to) === null).flatMap((to) => [...EVIDENCE_FOR[to]]);
}

/** Why nothing can be recorded for this account: the first upper rung's block (all share the same cause). */
export function evidenceClosedBecause(from: Rung): EvidenceBlock | null {
  return evidenceKindsFrom(from).length ? null : (evidenceBlock(from, "client") ?? "already_there");
}

export const EVIDENCE_BLOCK_MESSAGES: Record<EvidenceBlock, string> = {
  below_repeat: "Only repeat customers and above can be promoted with evidence.",
  already_there: "The account already stands on that rung or above it.",
};

export const DISQUALIFY_REASONS = ["no_credit", "no_profit"] as const;
export type DisqualifyReason = (typeof DISQUALIFY_REASONS)[number];

/** The lowest rung an account's orders allow: one order makes a first-time buyer, two a repeat customer. */
export function orderFloor(distinctOrders: number): Rung | null {
  if (distinctOrders >= 2) return "repeat";
  if (distinctOrders === 1) return "first_time";
  return null;
}

export type MoveRequest = {
  from: Rung;
  to: Rung;
  distinctOrders: number;
  reason?: string | null;
  evidence?: Evidence | null;
  disqualifyReason?: DisqualifyReason | null;
};

export type MoveCheck =
  | { ok: true; direction: "up" | "down" | "off" | "back" }
  | { ok: false; field: string; error: string };

function hasText(value: string | null | undefined): boolean {
  return typeof value === "string" && value.trim().length > 0;
}

function evidenceProblem(to: UpperRung, evidence: Evidence | null | undefined): string | null {
  if (!evidence) return `Moving to ${to} needs evidence.`;
  if (!EVIDENCE_FOR[to].includes(evidence.kind)) return `${evidence.kind} is not evidence for ${to}.`;
  switch (evidence.kind) {
    case "share_of_wallet":
      return evidence.percent >= 0 && evidence.percent <= 100
        ? null
        : "Share of wallet is a percentage from 0 to 100.";
    case "promoter_score":
      return evidence.score >= 9 && evidence.score <= 10
        ? null
        : "An advocate needs a promoter score of 9 or 10.";
    case "judgement":
      return hasText(evidence.note) ? null : "Say what the judgement rests on.";
    case "enrolment":
      return hasText(evidence.programme) ? null : "Name the membership programme.";
    case "referral":
      return hasText(evidence.referred) ? null : "Name who was referred.";
    case "agreement":
    case "joint_plan":
      return hasText(evidence.title) ? null : "Name the agreement or plan.";
  }
}

/**
 * Whether a person may move an account from one rung to another, and what the move needs:
 * every manual move needs a reason; a move up to client, member, advocate or partner needs matching
 * evidence; disqualifying is only for suspects and prospects, for no credit or no profit; no move may put an
 * account below the rung its own orders prove.
 */
export function checkManualMove(req: MoveRequest): MoveCheck {
  const { from, to } = req;
  if (from === to) return { ok: false, field: "to", error: "The account is already on that rung." };
  if (!hasText(req.reason)) return { ok: false, field: "reason", error: "Give a reason for the move." };

  if (to === "disqualified") {
    if (from !== "suspect" && from !== "prospect") {
      return { ok: false, field: "to", error: "Only suspects and prospects can be disqualified." };
    }
    if (!req.disqualifyReason || !DISQUALIFY_REASONS.includes(req.disqualifyReason)) {
      return { ok: false, field: "disqualifyReason", error: "Say whether there is no credit or no profit." };
    }
    return { ok: true, direction: "off" };
  }
  if (from === "disqualified") {
    if (to !== "prospect" && to !== "suspect") {
      return {
        ok: false,
        field: "to",
        error: "A disqualified account can only be requalified as a suspect or prospect.",
      };
    }
    return { ok: true, direction: "back" };
  }

  const floor = orderFloor(req.distinctOrders);
  if (floor && rungIndex(to) < rungIndex(floor)) {
    return {
      ok: false,
      field: "to",
      error: `Its orders make this account at least a ${floor.replace("_", "-")} customer.`,
    };
  }
  const up = rungIndex(to) > rungIndex(from);
  if (up) {
    if (to === "first_time" || to === "repeat") {
      return {
        ok: false,
        field: "to",
        error: "Orders move accounts to first-time and repeat; record the order instead.",
      };
    }
    if (isUpperRung(to)) {
      if (evidenceBlock(from, to) === "below_repeat") {
        return { ok: false, field: "to", error: EVIDENCE_BLOCK_MESSAGES.below_repeat };
      }
      const problem = evidenceProblem(to, req.evidence);
      if (problem) return { ok: false, field: "evidence", error: problem };
    }
    return { ok: true, direction: "up" };
  }
  return { ok: true, direction: "down" };
}

/** The rungs a person may move an account to from where it stands (each still needs what checkManualMove asks). */
export function manualTargets(from: Rung, distinctOrders: number): Rung[] {
  const candidates: Rung[] = [...ALL_RUNGS];
  return candidates.filter(
    (to) =>
      checkManualMove({
        from,
        to,
        distinctOrders,
        reason: "x",
        disqualifyReason: "no_credit",
        evidence: isUpperRung(to) ? sampleEvidence(to) : null,
      }).ok,
  );
}

function sampleEvidence(to: UpperRung): Evidence {
  switch (to) {
    case "client":
      return { kind: "judgement", note: "x" };
    case "member":
      return { kind: "enrolment", programme: "x", enrolledAt: 0 };
    case "advocate":
      return { kind: "promoter_score", score: 10 };
    case "partner":
      return { kind: "joint_plan", title: "x", agreedAt: 0 };
  }
}

export const DEFAULT_LAPSE_WINDOW_DAYS = 365;
const DAY = 86_400_000;

/**
 * As of `asOf`, the moment an active account with orders lapsed (its last order plus the window), or null if
 * it has not. An account with no orders never lapses: it has nothing to lapse from. The account keeps its rung.
 */
export function lapsedAt(input: {
  status: AccountStatus;
  lastOrderAt: number | null;
  asOf: number;
  windowDays?: number;
}): number | null {
  if (input.status !== "active" || input.lastOrderAt === null) return null;
  const at = input.lastOrderAt + (input.windowDays ?? DEFAULT_LAPSE_WINDOW_DAYS) * DAY;
  return input.asOf > at ? at : null;
}
