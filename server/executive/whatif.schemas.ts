import { z } from "zod";

const share = z.number("Enter a percentage.").min(0, "Between 0% and 100%.").max(1, "Between 0% and 100%.");
const outcomes = { unacknowledged: share, unresolved: share, resolved: share, resolved_quickly: share };

export const whatIfInputs = z.object({
  customers: z
    .number("Enter a number of customers.")
    .int("Whole customers only.")
    .min(1, "At least one customer.")
    .max(1e9),
  problemShare: share,
  complainShare: share,
  outcomeMix: z
    .object(outcomes)
    .refine((m) => Math.abs(m.unacknowledged + m.unresolved + m.resolved + m.resolved_quickly - 1) < 0.001, {
      message: "The outcome mix must add up to 100%.",
    }),
  repurchase: z.object({ silent: share, ...outcomes }),
  customerValue: z.number("Enter a value.").int().min(0, "Not negative.").max(1e13),
});

export const saveScenarioInput = z.object({
  name: z.string().trim().min(1, "Name the scenario.").max(80, "Keep the name to 80 characters."),
  inputs: whatIfInputs,
});

export const scenarioIdInput = z.object({ id: z.number().int().positive() });
