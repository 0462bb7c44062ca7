// Route: re-classify (category, severity), send to another department, or hand to another person.
import { requireHandler } from "../complaint-policy";
import { departmentFor } from "../routing.rules";
import { acknowledgeDueAt, resolveDueAt } from "../sla.rules";
import type { StepInput } from "../step.schemas";
import { type ComplaintState, isOpen } from "../workflow.rules";
import { type Patch, type Plan, type PlannedEvent, refuse, type StepContext } from "./step-kit";

export function planRoute(s: StepContext, input: StepInput<"route">): Plan {
  const { c, policy } = s;
  if (!isOpen(c.status as ComplaintState))
    refuse("state", "A closed complaint cannot be routed; reopen it first.");
  const patch: Patch = {};
  const events: PlannedEvent[] = [];
  if (input.category && input.category !== c.category) {
    patch.category = input.category;
    events.push({ kind: "classified", message: `category:${input.category}` });
  }
  if (input.severity && input.severity !== c.severity) {
    // The promise follows the severity, counted from when the customer complained; breaches already
    // recorded stay recorded.
    const ackDue = acknowledgeDueAt(c.receivedAt, input.severity, policy.promisedTimes);
    const resolveDue = resolveDueAt(c.receivedAt, input.severity, policy.promisedTimes);
    Object.assign(patch, {
      severity: input.severity,
      ackDueAt: ackDue,
      resolveDueAt: resolveDue,
      dueAt: c.acknowledgedAt !== null ? resolveDue : ackDue,
    });
    events.push({ kind: "classified", message: `severity:${input.severity}` });
  }
  const department =
    input.department ?? (input.category ? departmentFor(input.category, policy.routing) : null);
  if (department && department !== c.department) {
    patch.department = department;
    events.push({ kind: "routed", message: department });
  }
  if (input.handlerId && input.handlerId !== c.handlerId) {
    const handler = requireHandler(s.db, input.handlerId);
    patch.handlerId = handler.id;
    events.push({ kind: "assigned", message: handler.name });
  }
  if (events.length === 0) {
    refuse("handlerId", "Nothing to change: choose another category, severity, department or handler.");
  }
  if (input.note) events.push({ kind: "note", message: input.note });
  return { patch, events };
}
