import { z } from "zod";
import { ALL_RUNGS, LOST_REASONS } from "@/db/schema";
import { DISQUALIFY_REASONS } from "./moves.rules";

const EARLIEST = Date.UTC(2000, 0, 1);
const text = (max: number, message: string) =>
  z.string().trim().min(1, message).max(max, "This is too long.");
const when = z.number().int().min(EARLIEST, "Enter a valid date.");

/** Evidence for the rungs above repeat customer (moves.rules.ts Evidence), validated field by field. */
export const evidenceInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("share_of_wallet"),
    percent: z.number().min(0, "A percentage from 0 to 100.").max(100, "A percentage from 0 to 100."),
    category: z.string().trim().max(100).optional(),
  }),
  z.object({ kind: z.literal("judgement"), note: text(500, "Say what the judgement rests on.") }),
  z.object({
    kind: z.literal("enrolment"),
    programme: text(120, "Name the membership programme."),
    enrolledAt: when,
  }),
  z.object({ kind: z.literal("referral"), referred: text(200, "Name who was referred.") }),
  z.object({
    kind: z.literal("promoter_score"),
    score: z
      .number()
      .int()
      .min(9, "An advocate needs a promoter score of 9 or 10.")
      .max(10, "Scores go up to 10."),
  }),
  z.object({ kind: z.literal("agreement"), title: text(200, "Name the agreement."), signedAt: when }),
  z.object({ kind: z.literal("joint_plan"), title: text(200, "Name the plan."), agreedAt: when }),
]);
export type EvidenceInput = z.infer<typeof evidenceInput>;

const accountId = z.number().int().positive();
const reason = z.string().trim().max(500, "Keep the reason to 500 characters.");

export const allowedMovesInput = z.object({ accountId });

export const moveInput = z.object({
  accountId,
  toRung: z.enum(ALL_RUNGS, "Choose a rung."),
  reason,
  evidence: evidenceInput.optional(),
  disqualifyReason: z.enum(DISQUALIFY_REASONS).optional(),
});
export type MoveInput = z.infer<typeof moveInput>;

export const recordEvidenceInput = z.object({ accountId, evidence: evidenceInput });
export const decideEvidenceInput = z.object({
  evidenceId: z.number().int().positive(),
  reason,
});
export const markLostInput = z.object({
  accountId,
  lostReason: z.enum(LOST_REASONS, "Choose why the account was lost."),
  note: z.string().trim().max(500).optional(),
});
