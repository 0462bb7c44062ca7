// A sales lead or an admin approves a remedy above the limit, or sends it back with a reason.
import { canApproveRemedies } from "../../auth/permissions";
import { forbidden } from "../../errors";
import type { StepInput } from "../step.schemas";
import { moves, type Plan, refuse, type StepContext } from "./step-kit";

function mayApprove(s: StepContext): boolean {
  return s.actor !== null && canApproveRemedies(s.actor);
}

export function planApprove(s: StepContext, input: StepInput<"approve">): Plan {
  if (!mayApprove(s)) throw forbidden("Only a sales lead or an administrator can approve a remedy.");
  const path = moves(s.c, ["approved"], { canApprove: true }, input.note);
  return {
    patch: {
      status: "approved",
      approvedById: s.actor?.id,
      approvedAt: s.now,
      approvalNote: input.note ?? null,
    },
    events: path.events,
  };
}

export function planSendBack(s: StepContext, input: StepInput<"sendBack">): Plan {
  if (!mayApprove(s)) throw forbidden("Only a sales lead or an administrator can send a remedy back.");
  // investigating → remedy proposed is a forward step too; sending back is only from awaiting approval.
  if (s.c.status !== "awaiting_approval")
    refuse("state", "Only a remedy awaiting approval can be sent back.");
  const path = moves(s.c, ["remedy_proposed"], { canApprove: true }, input.reason);
  return {
    patch: { status: "remedy_proposed", approvedById: null, approvedAt: null, approvalNote: null },
    events: path.events,
  };
}
