// One schema per workflow step: what that step records (issue #14 §5). The staff forms validate with the same
// schema (zodResolver) and the router's transition input is the union of them, each with its action and id.
import { z } from "zod";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  CONFIRMATION_CHANNELS,
  DEPARTMENTS,
  REMEDY_TYPES,
  RESPONSIBLE_PARTIES,
} from "@/db/schema";
import { id, NOTE_MAX, optionalText, requiredText } from "./schema-parts";

/** Taking the complaint on: the customer is told, and the investigation starts. */
export const acknowledgeStep = z.object({ message: optionalText(NOTE_MAX) });

export const routeStep = z.object({
  /** Re-classifying: a new category moves the complaint to its department unless one is given. */
  category: z.enum(COMPLAINT_CATEGORIES, { error: "required" }).nullish(),
  /** A new severity re-computes the promised times from when the complaint was received. */
  severity: z.enum(COMPLAINT_SEVERITIES, { error: "required" }).nullish(),
  department: z.enum(DEPARTMENTS, { error: "required" }).nullish(),
  handlerId: z.string().min(1).nullish(),
  note: optionalText(NOTE_MAX),
});

export const findingsStep = z.object({
  rootCause: requiredText(80),
  rootCauseText: optionalText(NOTE_MAX),
  responsibleParty: z.enum(RESPONSIBLE_PARTIES, { error: "required" }),
});

export const remedyStep = z.object({
  remedyType: z.enum(REMEDY_TYPES, { error: "required" }),
  /** Minor units; 0 for an explanation. */
  remedyValue: z
    .number({ error: "amount" })
    .int({ error: "amount" })
    .min(0, { error: "amount" })
    .max(1_000_000_000, { error: "tooLarge" }),
  remedyDescription: optionalText(NOTE_MAX),
  /** The remedy includes something extra for the trouble (the checklist's "added value"). */
  addedValue: z.boolean().default(false),
});

export const approveStep = z.object({ note: optionalText(NOTE_MAX) });

/** Sending a remedy back, closing without the customer's confirmation, reopening: each needs a reason. */
export const reasonStep = z.object({ reason: requiredText(NOTE_MAX) });

/** Carrying the remedy out, and (by default) asking the customer at once whether it met their expectations. */
export const carryOutStep = z.object({
  note: optionalText(NOTE_MAX),
  askConfirmation: z.boolean().default(true),
  message: optionalText(NOTE_MAX),
});

export const requestConfirmationStep = z.object({ message: optionalText(NOTE_MAX) });

/** The customer's confirmation, however it came: recording it closes the complaint. */
export const confirmationStep = z.object({
  confirmationChannel: z.enum(CONFIRMATION_CHANNELS, { error: "required" }),
  confirmationNote: optionalText(NOTE_MAX),
});

function step<A extends string, S extends z.ZodRawShape>(action: A, schema: z.ZodObject<S>) {
  return z.object({ action: z.literal(action), id }).extend(schema.shape);
}

/** One workflow step per action; each carries what that step records. */
export const transitionInput = z.discriminatedUnion("action", [
  step("acknowledge", acknowledgeStep),
  step("route", routeStep),
  step("recordFindings", findingsStep),
  step("proposeRemedy", remedyStep),
  step("approve", approveStep),
  step("sendBack", reasonStep),
  step("carryOut", carryOutStep),
  step("requestConfirmation", requestConfirmationStep),
  step("recordConfirmation", confirmationStep),
  step("closeWithoutConfirmation", reasonStep),
  step("reopen", reasonStep),
]);
export type TransitionInput = z.infer<typeof transitionInput>;
/** What a caller sends (optional texts and flags may be left out). */
export type TransitionRequest = z.input<typeof transitionInput>;
export type TransitionAction = TransitionInput["action"];
export type StepInput<A extends TransitionAction> = Extract<TransitionInput, { action: A }>;
