// Complaint handling as a state machine (issue #5 §2, domain.md §4). Pure: no db, no React.
//
// received → acknowledged → investigating → remedy_proposed → (awaiting_approval → approved)
//   → remedy_carried_out → awaiting_confirmation → closed
// From any open state: closed_unconfirmed (reason required). A closed complaint, or an open one whose remedy
// has failed, can be reopened; a reopened complaint goes back to investigating.

export const COMPLAINT_STATES = [
  "received",
  "acknowledged",
  "investigating",
  "remedy_proposed",
  "awaiting_approval",
  "approved",
  "remedy_carried_out",
  "awaiting_confirmation",
  "closed",
  "closed_unconfirmed",
  "reopened",
] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];

export const CLOSED_STATES: readonly ComplaintState[] = ["closed", "closed_unconfirmed"];

export function isOpen(state: ComplaintState): boolean {
  return !CLOSED_STATES.includes(state);
}

/** The forward path; each state lists where the work may go next (closing without confirmation aside). */
const NEXT: Record<ComplaintState, readonly ComplaintState[]> = {
  received: ["acknowledged"],
  acknowledged: ["investigating"],
  investigating: ["remedy_proposed"],
  // A remedy above the handler's limit must be approved first (checked with the remedy's value).
  remedy_proposed: ["awaiting_approval", "remedy_carried_out"],
  awaiting_approval: ["approved", "remedy_proposed"],
  approved: ["remedy_carried_out"],
  remedy_carried_out: ["awaiting_confirmation"],
  awaiting_confirmation: ["closed"],
  closed: [],
  closed_unconfirmed: [],
  reopened: ["investigating"],
};

/** States from which a complaint may be reopened: after a remedy was tried, or once closed. */
const REOPENABLE: readonly ComplaintState[] = [
  "remedy_carried_out",
  "awaiting_confirmation",
  "closed",
  "closed_unconfirmed",
];

export type TransitionContext = {
  /** Remedy value in minor units, when one has been proposed. */
  remedyValue?: number | null;
  /** The handler's approval limit in minor units (a setting). */
  approvalLimit?: number;
  /** Whether the person asking may approve remedies (sales lead or admin). */
  canApprove?: boolean;
  reason?: string | null;
  /** For closing: how the customer's confirmation was obtained (phone, email, in person…). */
  confirmationChannel?: string | null;
};

export type TransitionCheck = { ok: true } | { ok: false; field: string; message: string };

export function needsApproval(remedyValue: number, approvalLimit: number): boolean {
  return remedyValue > approvalLimit;
}

const refuse = (field: string, message: string): TransitionCheck => ({ ok: false, field, message });

/** Whether a complaint in `from` may move to `to`, and what is missing when it may not. */
export function checkTransition(
  from: ComplaintState,
  to: ComplaintState,
  ctx: TransitionContext = {},
): TransitionCheck {
  const hasReason = (ctx.reason ?? "").trim().length > 0;
  if (to === "closed_unconfirmed") {
    if (!isOpen(from)) return refuse("state", "This complaint is already closed.");
    if (!hasReason)
      return refuse("reason", "Say why the complaint is closed without the customer's confirmation.");
    return { ok: true };
  }
  if (to === "reopened") {
    if (!REOPENABLE.includes(from)) {
      return refuse("state", "Only a complaint whose remedy was tried, or a closed one, can be reopened.");
    }
    if (!hasReason) return refuse("reason", "Say why the complaint is reopened.");
    return { ok: true };
  }
  if (!NEXT[from].includes(to)) {
    return refuse(
      "state",
      `A complaint that is ${from.replaceAll("_", " ")} cannot move to ${to.replaceAll("_", " ")}.`,
    );
  }
  const over =
    ctx.remedyValue != null && ctx.approvalLimit != null && needsApproval(ctx.remedyValue, ctx.approvalLimit);
  if (from === "remedy_proposed" && to === "remedy_carried_out" && over) {
    return refuse(
      "remedy",
      "This remedy is above the approval limit: it needs a supervisor's approval first.",
    );
  }
  if (from === "remedy_proposed" && to === "awaiting_approval" && !over) {
    return refuse("remedy", "This remedy is within the approval limit: carry it out without approval.");
  }
  if (from === "awaiting_approval" && (to === "approved" || to === "remedy_proposed") && !ctx.canApprove) {
    return refuse("state", "Only a sales lead or an administrator can approve or send back a remedy.");
  }
  if (to === "closed" && !(ctx.confirmationChannel ?? "").trim()) {
    return refuse(
      "confirmationChannel",
      "Record how the customer confirmed that the remedy met or exceeded their expectations.",
    );
  }
  return { ok: true };
}

/** Every state the complaint may move to from `from`, for the buttons a handler sees. */
export function nextStates(from: ComplaintState, ctx: TransitionContext = {}): ComplaintState[] {
  const candidates: ComplaintState[] = [...NEXT[from]];
  if (REOPENABLE.includes(from)) candidates.push("reopened");
  if (isOpen(from)) candidates.push("closed_unconfirmed");
  // Reasons and confirmation channels are asked for in the dialog; only the structural rules filter here.
  const probe = { ...ctx, reason: "x", confirmationChannel: "x" };
  return candidates.filter((to) => checkTransition(from, to, probe).ok);
}
