// Which workflow actions a complaint offers, for the buttons a handler sees. Pure; the server checks each
// action again when it is taken (workflow.rules.ts checkTransition).
import { type ComplaintState, isOpen } from "./workflow.rules";

export const COMPLAINT_ACTIONS = [
  "acknowledge",
  "route",
  "startInvestigation",
  "recordFindings",
  "proposeRemedy",
  "approve",
  "sendBack",
  "carryOut",
  "requestConfirmation",
  "recordConfirmation",
  "close",
  "closeWithoutConfirmation",
  "reopen",
] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

export type ActionContext = {
  canHandle: boolean;
  canApprove: boolean;
  hasFindings: boolean;
  confirmed: boolean;
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
      actions.push("startInvestigation");
      break;
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
      actions.push("requestConfirmation");
      break;
    case "awaiting_confirmation":
      actions.push(ctx.confirmed ? "close" : "recordConfirmation");
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
