// Closing without the customer's confirmation (a reason is required) and reopening (by a handler, or by the
// customer saying on the status page that it is not resolved).
import type { StepInput } from "../step.schemas";
import { breachEvents, lateResolve, moves, type Plan, type StepContext } from "./step-kit";

export function planCloseUnconfirmed(s: StepContext, input: StepInput<"closeWithoutConfirmation">): Plan {
  const { c, now } = s;
  const path = moves(c, ["closed_unconfirmed"], { reason: input.reason }, input.reason);
  const late = lateResolve(c, now);
  return {
    patch: {
      status: "closed_unconfirmed",
      closedAt: now,
      dueAt: null,
      closedUnconfirmedReason: input.reason,
      ...late,
    },
    events: [...path.events, ...breachEvents(late)],
    followUp: true,
  };
}

export function planReopen(s: StepContext, input: StepInput<"reopen">): Plan {
  const { c } = s;
  const path = moves(c, ["reopened"], { reason: input.reason }, input.reason);
  return {
    patch: {
      status: "reopened",
      closedAt: null,
      closedUnconfirmedReason: null,
      resolvedAt: null,
      confirmationChannel: null,
      confirmationNote: null,
      confirmedById: null,
      dueAt: c.acknowledgedAt !== null ? c.resolveDueAt : c.ackDueAt,
    },
    events: path.events,
  };
}
