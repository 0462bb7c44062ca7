// The customer's confirmation closes the complaint (domain.md §4 step 8): recorded by a handler from a call or
// an email, or given by the customer on the status page. It used to take a second "Close" step that only
// asked "are you sure". Both paths tick the checklist's "followed up" and create the follow-up task.
import { confirmationMessage } from "../customer-messages.rules";
import type { StepInput } from "../step.schemas";
import { breachEvents, lateResolve, moves, type Plan, type PlannedEvent, type StepContext } from "./step-kit";

/** States in which the customer may confirm: the remedy was carried out (asked or not yet asked). */
export const CONFIRMABLE = ["remedy_carried_out", "awaiting_confirmation"] as const;

export function planConfirmation(
  s: StepContext,
  confirmation: { channel: StepInput<"recordConfirmation">["confirmationChannel"]; note: string | null },
  answerEvent?: PlannedEvent,
): Plan {
  const { c, now } = s;
  const path = moves(
    c,
    c.status === "remedy_carried_out" ? ["awaiting_confirmation", "closed"] : ["closed"],
    { confirmationChannel: confirmation.channel },
  );
  const late = lateResolve(c, now);
  return {
    patch: {
      status: "closed",
      confirmationChannel: confirmation.channel,
      confirmationNote: confirmation.note,
      confirmedById: s.actor?.id ?? null,
      resolvedAt: now,
      closedAt: now,
      dueAt: null,
      followedUp: true,
      ...late,
    },
    events: [
      answerEvent ?? {
        kind: "confirmation",
        message: [confirmation.channel, confirmation.note].filter(Boolean).join(" · "),
      },
      ...breachEvents(late),
      ...path.events,
    ],
    message: confirmationMessage(c.locale, s.customer),
    followUp: true,
  };
}

export function planRecordConfirmation(s: StepContext, input: StepInput<"recordConfirmation">): Plan {
  return planConfirmation(s, { channel: input.confirmationChannel, note: input.confirmationNote ?? null });
}
