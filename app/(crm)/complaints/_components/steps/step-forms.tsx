"use client";

// One small form per workflow step (issue #14 §5), each on its own schema from step.schemas.ts.
import type { ComplaintAction } from "@/server/complaints/complaint-actions.rules";
import { ApproveStep } from "./approve-step";
import { CarryOutStep } from "./carry-out-step";
import { ConfirmationStep } from "./confirmation-step";
import { FindingsStep } from "./findings-step";
import { AcknowledgeStep, RequestConfirmationStep } from "./message-step";
import { ReasonStep } from "./reason-step";
import { RemedyStep } from "./remedy-step";
import { RouteStep } from "./route-step";
import type { StepProps } from "./step-form";

export type { StepComplaint } from "./step-form";

const FORMS: Record<ComplaintAction, (props: StepProps) => React.ReactNode> = {
  acknowledge: AcknowledgeStep,
  route: RouteStep,
  recordFindings: FindingsStep,
  proposeRemedy: RemedyStep,
  approve: ApproveStep,
  sendBack: (props) => <ReasonStep action="sendBack" {...props} />,
  carryOut: CarryOutStep,
  requestConfirmation: RequestConfirmationStep,
  recordConfirmation: ConfirmationStep,
  closeWithoutConfirmation: (props) => <ReasonStep action="closeWithoutConfirmation" {...props} />,
  reopen: (props) => <ReasonStep action="reopen" {...props} />,
};

export function StepForm({ action, ...props }: StepProps & { action: ComplaintAction }) {
  const Form = FORMS[action];
  return <Form {...props} />;
}
