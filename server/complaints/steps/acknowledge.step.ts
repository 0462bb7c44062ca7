// Acknowledge: a person takes the complaint on, the customer hears so (with an apology), and the
// investigation starts at once; it used to be a second step that only asked "are you sure".
import { requireHandler } from "../complaint-policy";
import { acknowledgementMessage } from "../customer-messages.rules";
import type { StepInput } from "../step.schemas";
import { breachEvents, lateAck, moves, type Plan, type StepContext } from "./step-kit";

export function planAcknowledge(s: StepContext, input: StepInput<"acknowledge">): Plan {
  const { c, now } = s;
  const path = moves(c, ["acknowledged", "investigating"], {}, input.message);
  const late = lateAck(c, now);
  // A person, not a queue, handles every complaint: whoever acknowledges an unassigned one takes it.
  const takeOn = c.handlerId === null && s.actor ? requireHandler(s.db, s.actor.id) : null;
  return {
    patch: {
      status: path.status,
      acknowledgedAt: now,
      dueAt: c.resolveDueAt,
      apologised: true,
      ...late,
      ...(takeOn ? { handlerId: takeOn.id } : {}),
    },
    events: [
      ...path.events,
      ...(takeOn ? [{ kind: "assigned" as const, message: takeOn.name }] : []),
      ...breachEvents(late),
    ],
    message: acknowledgementMessage(c.locale, { ...s.customer, text: input.message }),
  };
}
