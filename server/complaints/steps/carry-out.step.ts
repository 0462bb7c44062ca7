// Carry out the remedy (the checklist's "kept the promise") and, unless the handler unticks it, ask the
// customer in the same step whether it met their expectations (domain.md §4 step 7).
import { confirmationRequestMessage } from "../customer-messages.rules";
import type { StepInput } from "../step.schemas";
import { moves, type Plan, type StepContext } from "./step-kit";

export function planCarryOut(s: StepContext, input: StepInput<"carryOut">): Plan {
  const { c, now, policy } = s;
  const ask = input.askConfirmation !== false;
  const path = moves(
    c,
    ask ? ["remedy_carried_out", "awaiting_confirmation"] : ["remedy_carried_out"],
    { remedyValue: c.remedyValue, approvalLimit: policy.approvalLimit },
    input.note,
  );
  if (ask && input.message) {
    // The message to the customer goes with the request on the timeline, the handler's note with the remedy.
    const request = path.events.at(-1);
    if (request) request.message = input.message;
  }
  return {
    patch: { status: path.status, remedyCarriedOutAt: now, keptPromise: true },
    events: path.events,
    ...(ask ? { message: confirmationRequestMessage(c.locale, { ...s.customer, text: input.message }) } : {}),
  };
}

/** For a remedy carried out without asking: ask now. */
export function planRequestConfirmation(s: StepContext, input: StepInput<"requestConfirmation">): Plan {
  const path = moves(s.c, ["awaiting_confirmation"], {}, input.message);
  return {
    patch: { status: path.status },
    events: path.events,
    message: confirmationRequestMessage(s.c.locale, { ...s.customer, text: input.message }),
  };
}
