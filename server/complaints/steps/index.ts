// The workflow steps by action (issue #14 §5): one small planner per step, as the forms are one per step.
import type { Db } from "@/db/client";
import type { Actor } from "../../auth/permissions";
import { loadPolicy } from "../complaint-policy";
import type { ComplaintRow } from "../complaints.queries";
import type { StepInput, TransitionAction, TransitionInput } from "../step.schemas";
import { planAcknowledge } from "./acknowledge.step";
import { planApprove, planSendBack } from "./approval.step";
import { planCarryOut, planRequestConfirmation } from "./carry-out.step";
import { planCloseUnconfirmed, planReopen } from "./closing.step";
import { planRecordConfirmation } from "./confirmation.step";
import { planFindings } from "./findings.step";
import { planRemedy } from "./remedy.step";
import { planRoute } from "./route.step";
import { customerName, type Plan, type StepContext } from "./step-kit";

export type { Patch, Plan, StepContext } from "./step-kit";

const PLANNERS: { [A in TransitionAction]: (s: StepContext, input: StepInput<A>) => Plan } = {
  acknowledge: planAcknowledge,
  route: planRoute,
  recordFindings: planFindings,
  proposeRemedy: planRemedy,
  approve: planApprove,
  sendBack: planSendBack,
  carryOut: planCarryOut,
  requestConfirmation: planRequestConfirmation,
  recordConfirmation: planRecordConfirmation,
  closeWithoutConfirmation: planCloseUnconfirmed,
  reopen: planReopen,
};

export function stepContext(db: Db, actor: Actor | null, c: ComplaintRow, now: number): StepContext {
  return {
    db,
    actor,
    c,
    now,
    policy: loadPolicy(db),
    customer: { reference: c.reference, name: customerName(db, c) },
  };
}

/** Plans one step: checked against the state machine, it says what changes and what the customer is told. */
export function planStep(s: StepContext, input: TransitionInput): Plan {
  const planner = PLANNERS[input.action] as (s: StepContext, input: TransitionInput) => Plan;
  return planner(s, input);
}
