// The settings of listening to customers (issue #13), declared here and registered with the other domains'
// in settings.queries.ts.
import { z } from "zod";
import {
  DEFAULT_CLOSE_LOOP_DAYS,
  DEFAULT_SURVEY_LINK_DAYS,
  DEFAULT_SURVEY_SCHEDULE,
} from "../surveys/survey.rules";
import { DEFAULT_FEEDBACK_THEMES } from "./feedback.rules";

const months = z.number().int().min(0).max(60);

export const LISTENING_SETTINGS = {
  /** Themes feedback is grouped by; a theme in use stays on its feedback when it leaves the list. */
  feedbackThemes: {
    schema: z
      .array(z.string().trim().min(1).max(60))
      .min(1)
      .max(30)
      .refine((a) => new Set(a).size === a.length, { message: "Themes must differ." }),
    default: [...DEFAULT_FEEDBACK_THEMES] as string[],
  },
  /** Months between relationship surveys to each contact, per relationship level (0: never). */
  surveySchedule: {
    schema: z.object({
      basic: months,
      reactive: months,
      accountable: months,
      proactive: months,
      partnership: months,
    }),
    default: DEFAULT_SURVEY_SCHEDULE,
  },
  /** CSAT after a complaint is closed and after a deal is won. */
  surveyCsat: {
    schema: z.object({ afterComplaint: z.boolean(), afterDeal: z.boolean() }),
    default: { afterComplaint: true, afterDeal: true },
  },
  /** Days a survey link stays open. */
  surveyLinkDays: { schema: z.number().int().min(1).max(365), default: DEFAULT_SURVEY_LINK_DAYS },
  /** Days the account's owner has to close the loop with a detractor or an unhappy CSAT answer. */
  closeLoopDays: { schema: z.number().int().min(1).max(60), default: DEFAULT_CLOSE_LOOP_DAYS },
} as const;
