// Win/loss maths and the review policy (domain.md §3). Pure: the dashboard's SQL returns counts, these turn
// them into rates, Pareto bars and the rep-versus-buyer agreement matrix.
import type { Role } from "@/db/schema";

/** The default reason taxonomy (a setting); owners and reviewers pick from the same list. */
export const DEFAULT_WIN_LOSS_REASONS = [
  "price",
  "product_fit",
  "relationship",
  "service_support",
  "timing_budget",
  "competitor_offer",
  "no_decision",
  "other",
] as const;

export const DEFAULT_DEAL_STAGES = ["Qualifying", "Proposal", "Negotiation"] as const;

export type ReviewPolicy = {
  /** Roles whose members may review any deal they do not own. */
  roles: Role[];
  /** Account managers may review deals on accounts they do not own. */
  otherAccountManagers: boolean;
};

export const DEFAULT_REVIEW_POLICY: ReviewPolicy = {
  roles: ["sales_lead", "service_agent", "admin"],
  otherAccountManagers: true,
};

/** Won / (won + lost); no-decision is reported beside it, not in it. Null when nothing was decided. */
export function winRate(won: number, lost: number): number | null {
  return won + lost === 0 ? null : won / (won + lost);
}

export type ReasonPair = { ownerReason: string; buyerReason: string; count: number };

export type AgreementMatrix = {
  /** Reasons in matrix order: the taxonomy first, then any other key met in the data. */
  reasons: string[];
  /** cells[i][j]: deals where the owner said reasons[i] and the buyer said reasons[j]. */
  cells: number[][];
  total: number;
  agreed: number;
  /** agreed / total; null without reviewed deals. */
  agreementRate: number | null;
  /** Per reason: how often owners claim it against how often buyers give it, over the same reviewed deals. */
  perReason: Array<{
    reason: string;
    claimed: number;
    given: number;
    claimedShare: number;
    givenShare: number;
    /** claimedShare − givenShare: positive when reps blame (or credit) this reason more than buyers do. */
    gap: number;
  }>;
};

export function agreementMatrix(
  pairs: ReadonlyArray<ReasonPair>,
  taxonomy: readonly string[],
): AgreementMatrix {
  const reasons = [...taxonomy];
  for (const p of pairs) {
    for (const r of [p.ownerReason, p.buyerReason]) if (!reasons.includes(r)) reasons.push(r);
  }
  const index = new Map(reasons.map((r, i) => [r, i]));
  const cells = reasons.map(() => reasons.map(() => 0));
  let total = 0;
  let agreed = 0;
  for (const p of pairs) {
    const i = index.get(p.ownerReason) ?? 0;
    const j = index.get(p.buyerReason) ?? 0;
    const row = cells[i];
    if (row) row[j] = (row[j] ?? 0) + p.count;
    total += p.count;
    if (i === j) agreed += p.count;
  }
  const perReason = reasons.map((reason, i) => {
    const claimed = (cells[i] ?? []).reduce((s, c) => s + c, 0);
    const given = cells.reduce((s, row) => s + (row[i] ?? 0), 0);
    const claimedShare = total ? claimed / total : 0;
    const givenShare = total ? given / total : 0;
    return { reason, claimed, given, claimedShare, givenShare, gap: claimedShare - givenShare };
  });
  return { reasons, cells, total, agreed, agreementRate: total ? agreed / total : null, perReason };
}

export type ReviewRefusal = "owner" | "role" | "own_account" | "open";

/**
 * Who may review a deal (domain.md §3: someone outside sales of that deal). Never the deal's owner; otherwise
 * a role from the policy, or an account manager who does not own the deal's account when the policy allows.
 */
export function reviewRefusal(
  actor: { id: string; role: Role },
  deal: { ownerId: string; status: string; accountOwnerId: string | null },
  policy: ReviewPolicy,
): ReviewRefusal | null {
  if (deal.status === "open") return "open";
  if (actor.id === deal.ownerId) return "owner";
  if (policy.roles.includes(actor.role)) return null;
  if (actor.role === "account_manager" && policy.otherAccountManagers) {
    return deal.accountOwnerId === actor.id ? "own_account" : null;
  }
  return "role";
}

export const REVIEW_REFUSAL_MESSAGES: Record<ReviewRefusal, string> = {
  open: "Only a closed deal can be reviewed.",
  owner: "The deal's owner cannot review their own deal: the review must come from someone outside it.",
  own_account: "An account manager cannot review a deal on an account they manage.",
  role: "Your role may not review deals.",
};

/** May the actor change (move, close, edit) this deal? Its owner, or a sales lead or admin. */
export function canWriteDeal(actor: { id: string; role: Role }, deal: { ownerId: string }): boolean {
  if (actor.role === "sales_lead" || actor.role === "admin") return true;
  return actor.role === "account_manager" && deal.ownerId === actor.id;
}
