// The customer's own answer on the status page (issue #12 §3): "Yes, this is resolved" records their
// confirmation and closes the complaint; "No, it is not" reopens it for the handler, in their words.
import { FieldError } from "../../errors";
import { reopenedMessage } from "../customer-messages.rules";
import { planReopen } from "./closing.step";
import { CONFIRMABLE, planConfirmation } from "./confirmation.step";
import type { Plan, StepContext } from "./step-kit";

export function isAwaitingAnswer(status: string): boolean {
  return (CONFIRMABLE as readonly string[]).includes(status);
}

export function planCustomerAnswer(
  s: StepContext,
  answer: { resolved: boolean; comment: string | null },
): Plan {
  if (!isAwaitingAnswer(s.c.status)) {
    throw new FieldError(
      "BAD_REQUEST",
      { form: ["notAwaiting"] },
      "This complaint is not waiting for your answer.",
    );
  }
  if (answer.resolved) return planConfirmation(s, { channel: "web_form", note: answer.comment });
  // The state machine wants a reason to reopen; the customer's words are it when they give any.
  const plan = planReopen(s, { action: "reopen", id: s.c.id, reason: answer.comment ?? "not resolved" });
  const [reopened, ...rest] = plan.events;
  return {
    ...plan,
    events: reopened ? [{ ...reopened, message: answer.comment }, ...rest] : rest,
    message: reopenedMessage(s.c.locale, s.customer),
  };
}
