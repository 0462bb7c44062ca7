// Which workflow actions a complaint offers, for the buttons a handler sees. Pure; the server checks each
// action again when it is taken (workflow.rules.ts checkTransition, steps/*.step.ts).
//
// Fewer steps than states (issue #12 §3): acknowledging starts the investigation, carrying the remedy out asks
// the customer to confirm, and recording the confirmation closes the complaint.
import { type ComplaintState, isOpen } from "./workflow.rules";

export const COMPLAINT_ACTIONS = [
  "acknowledge",
  "route",
  "recordFindings",
  "proposeRemedy",
  "approve",
  "sendBack",
  "carryOut",
  "requestConfirmation",
  "recordConfirmation",
  "closeWithoutConfirmation",
  "reopen",
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export type ActionContext = {
  canHandle: boolean;
  canApprove: boolean;
  hasFindings: boolean;
  remedyValue: number | null;
  approvalLimit: number;
};

export function availableActions(state: ComplaintState, ctx: ActionContext): ComplaintAction[] {
  if (!ctx.canHandle) return [];
  const actions: ComplaintAction[] = [];
  const withinLimit = ctx.remedyValue !== null && ctx.remedyValue <= ctx.approvalLimit;
  switch (state) {
    case "received":
      actions.push("acknowledge");
      break;
    case "acknowledged":
    case "reopened":
    case "investigating":
      actions.push("recordFindings");
      if (ctx.hasFindings) actions.push("proposeRemedy");
      break;
    case "remedy_proposed":
      actions.push("recordFindings", "proposeRemedy");
      if (withinLimit) actions.push("carryOut");
      break;
    case "awaiting_approval":
      if (ctx.canApprove) actions.push("approve", "sendBack");
      break;
    case "approved":
      actions.push("carryOut");
      break;
    case "remedy_carried_out":
      actions.push("requestConfirmation", "recordConfirmation");
      break;
    case "awaiting_confirmation":
      actions.push("recordConfirmation");
      break;
    default:
      break;
  }
  if (isOpen(state)) actions.push("route", "closeWithoutConfirmation");
  if (["remedy_carried_out", "awaiting_confirmation", "closed", "closed_unconfirmed"].includes(state)) {
    actions.push("reopen");
  }
  return actions;
}
