// Propose a remedy (the checklist's "offered a fix"; "added value" when it includes something extra for the
// trouble). Above the approval limit it goes straight on to wait for a sales lead's or an admin's approval.
import type { StepInput } from "../step.schemas";
import { needsApproval } from "../workflow.rules";
import { intoInvestigation, moves, type Patch, type Plan, refuse, type StepContext } from "./step-kit";

export function planRemedy(s: StepContext, input: StepInput<"proposeRemedy">): Plan {
  const { c, policy } = s;
  const fresh = c.status !== "remedy_proposed";
  if (fresh && !["acknowledged", "reopened", "investigating"].includes(c.status)) {
    refuse("state", `A complaint that is ${c.status.replaceAll("_", " ")} cannot take a new remedy.`);
  }
  if (fresh && c.rootCause === null) {
    refuse("rootCause", "Record the cause and who was responsible before proposing a remedy.");
  }
  const over = needsApproval(input.remedyValue, policy.approvalLimit);
  const path = moves(
    c,
    [
      ...(fresh ? [...intoInvestigation(c), "remedy_proposed" as const] : []),
      ...(over ? ["awaiting_approval" as const] : []),
    ],
    { remedyValue: input.remedyValue, approvalLimit: policy.approvalLimit },
  );
  const remedyEvent = {
    kind: "remedy" as const,
    message: [input.remedyType, String(input.remedyValue), input.remedyDescription]
      .filter(Boolean)
      .join(" · "),
  };
  // The remedy is recorded when it is proposed, before any wait for approval.
  const before = path.events.filter((e) => e.toStatus !== "awaiting_approval");
  const after = path.events.filter((e) => e.toStatus === "awaiting_approval");
  const patch: Patch = {
    status: over ? "awaiting_approval" : "remedy_proposed",
    remedyType: input.remedyType,
    remedyValue: input.remedyValue,
    remedyDescription: input.remedyDescription ?? null,
    approvedById: null,
    approvedAt: null,
    approvalNote: null,
    offeredFix: true,
    ...(input.addedValue ? { addedValue: true } : {}),
  };
  return { patch, events: [...before, remedyEvent, ...after] };
}
