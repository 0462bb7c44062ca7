// Record findings: the cause and who was responsible, after listening to the customer (the checklist's
// "listened"). An acknowledged or reopened complaint moves into the investigation with it.
import type { StepInput } from "../step.schemas";
import { intoInvestigation, moves, type Plan, refuse, type StepContext } from "./step-kit";

const OPEN_TO_FINDINGS = ["acknowledged", "reopened", "investigating", "remedy_proposed"];

export function planFindings(s: StepContext, input: StepInput<"recordFindings">): Plan {
  const { c, policy } = s;
  if (!OPEN_TO_FINDINGS.includes(c.status)) {
    refuse("state", "Record the cause while the complaint is being investigated.");
  }
  if (!policy.rootCauses.includes(input.rootCause)) {
    refuse("rootCause", "Choose a root cause from the list; describe it further in the text.");
  }
  const path = moves(c, intoInvestigation(c));
  return {
    patch: {
      ...(path.events.length ? { status: path.status } : {}),
      rootCause: input.rootCause,
      rootCauseText: input.rootCauseText ?? null,
      responsibleParty: input.responsibleParty,
      listened: true,
    },
    events: [
      ...path.events,
      {
        kind: "findings",
        message: [input.rootCause, input.responsibleParty, input.rootCauseText].filter(Boolean).join(" · "),
      },
    ],
  };
}
