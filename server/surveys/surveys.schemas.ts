// Inputs of the surveys router, shared with the forms. Messages are codes the forms translate
// (feedback.json "errors").
import { z } from "zod";
import { ANSWER_CLASSES, LOCALES, SURVEY_KINDS } from "@/db/schema";

const id = z.number({ error: "required" }).int().positive({ error: "required" });

export const COMMENT_MAX = 2000;
export const NOTE_MAX = 2000;

/** The link's token as the page's address carries it (base64url). */
export const tokenInput = z.object({
  token: z
    .string()
    .min(10)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const answerInput = tokenInput.extend({
  score: z
    .number({ error: "range" })
    .int({ error: "range" })
    .min(0, { error: "range" })
    .max(10, { error: "range" }),
  comment: z.string().trim().max(COMMENT_MAX, { error: "tooLong" }).nullish(),
});

export const sendSurveyInput = z.object({
  accountId: id,
  contactId: id,
  /** True: mail the link to the contact; false: show it once to hand over (chat, a visit). */
  byEmail: z.boolean(),
  locale: z.enum(LOCALES).nullish(),
});

export const closeLoopInput = z.object({
  surveyId: id,
  note: z
    .string({ error: "required" })
    .trim()
    .min(1, { error: "required" })
    .max(NOTE_MAX, { error: "tooLong" }),
});

export const accountSurveysInput = z.object({ accountId: id });

export const SURVEY_VIEWS = ["loop", "answers"] as const;
export const surveyListInput = z.object({
  view: z.enum(SURVEY_VIEWS).default("loop"),
  mine: z.boolean().default(false),
  kind: z.enum(SURVEY_KINDS).nullish(),
  answerClass: z.enum(ANSWER_CLASSES).nullish(),
  cursor: z.object({ at: z.number().int(), id: z.number().int() }).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type SurveyListInput = z.infer<typeof surveyListInput>;

const months = z
  .number({ error: "wholeMonths" })
  .int({ error: "wholeMonths" })
  .min(0, { error: "range" })
  .max(60, {
    error: "range",
  });

/** The admin card: schedule per level, CSAT switches, link lifetime, days to close the loop, themes. */
export const listeningSettingsInput = z.object({
  surveySchedule: z.object({
    basic: months,
    reactive: months,
    accountable: months,
    proactive: months,
    partnership: months,
  }),
  surveyCsat: z.object({ afterComplaint: z.boolean(), afterDeal: z.boolean() }),
  surveyLinkDays: z
    .number({ error: "wholeDays" })
    .int({ error: "wholeDays" })
    .min(1, { error: "range" })
    .max(365, {
      error: "range",
    }),
  closeLoopDays: z
    .number({ error: "wholeDays" })
    .int({ error: "wholeDays" })
    .min(1, { error: "range" })
    .max(60, {
      error: "range",
    }),
  feedbackThemes: z
    .array(z.string().trim().min(1, { error: "required" }).max(60, { error: "tooLong" }))
    .min(1, { error: "atLeastOneTheme" })
    .max(30, { error: "tooMany" })
    .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, { error: "themesDiffer" }),
});
export type ListeningSettingsInput = z.infer<typeof listeningSettingsInput>;
