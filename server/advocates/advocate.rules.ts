// Advocates from evidence (issue #13 §3): when the ladder suggests the advocate rung to the account's owner,
// and when an advocate's evidence has gone stale. Pure.
import type { AccountStatus, Rung } from "@/db/schema";

/** Months without a promoter score or a referral after which an advocate is flagged for review. */
export const ADVOCATE_EVIDENCE_MONTHS = 18;
/** After an owner dismisses a suggestion, new evidence is not suggested again for this many days. */
export const DISMISSED_QUIET_DAYS = 180;
/**
 * The rungs from which evidence suggests the advocate move: repeat customers, clients and members (the ladder
 * promotes only repeat customers and above with evidence; advocates and partners are there already).
 */
export const SUGGEST_FROM: readonly Rung[] = ["repeat", "client", "member"];

const DAY = 86_400_000;

export type SuggestionCheck =
  | { suggest: true }
  | { suggest: false; why: "inactive" | "rung" | "pending" | "dismissed" };

/**
 * Whether a promoter score or a referral should become a proposed move to advocate: the account is active,
 * stands on a rung the move can start from, has no proposal for advocate waiting already, and its owner has
 * not dismissed one in the last DISMISSED_QUIET_DAYS.
 */
export function advocateSuggestion(
  a: { rung: Rung; status: AccountStatus; pendingProposal: boolean; lastDismissedAt: number | null },
  now: number,
): SuggestionCheck {
  if (a.status !== "active") return { suggest: false, why: "inactive" };
  if (!SUGGEST_FROM.includes(a.rung)) return { suggest: false, why: "rung" };
  if (a.pendingProposal) return { suggest: false, why: "pending" };
  if (a.lastDismissedAt !== null && now - a.lastDismissedAt < DISMISSED_QUIET_DAYS * DAY) {
    return { suggest: false, why: "dismissed" };
  }
  return { suggest: true };
}

/** The moment ADVOCATE_EVIDENCE_MONTHS calendar months before now (UTC). */
export function staleBefore(now: number, months = ADVOCATE_EVIDENCE_MONTHS): number {
  const d = new Date(now);
  return Date.UTC(
    d.getUTCFullYear(),
    d.getUTCMonth() - months,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/**
 * An active advocate whose latest promoter score (9–10) or referral is older than ADVOCATE_EVIDENCE_MONTHS,
 * or who has none, is flagged for review. Evidence exactly at the limit still counts.
 */
export function advocateNeedsReview(
  a: { rung: Rung; status: AccountStatus; lastEvidenceAt: number | null },
  now: number,
): boolean {
  if (a.rung !== "advocate" || a.status !== "active") return false;
  return a.lastEvidenceAt === null || a.lastEvidenceAt < staleBefore(now);
}
