// Survey settings (issue #13): the relationship-survey schedule per level, CSAT switches, link lifetime and
// the days to close the loop with an unhappy answer.
import { z } from "zod";
import { defineSetting } from "../settings/settings.queries";
import { DEFAULT_CLOSE_LOOP_DAYS, DEFAULT_SURVEY_LINK_DAYS, DEFAULT_SURVEY_SCHEDULE } from "./survey.rules";

const months = z.number().int().min(0).max(60);

export const surveysSettings = {
  /** Months between relationship surveys to each contact, per relationship level (0: never). */
  surveySchedule: defineSetting(
    "surveySchedule",
    z.object({
      basic: months,
      reactive: months,
      accountable: months,
      proactive: months,
      partnership: months,
    }),
    DEFAULT_SURVEY_SCHEDULE,
  ),
  /** CSAT after a complaint is closed and after a deal is won. */
  surveyCsat: defineSetting("surveyCsat", z.object({ afterComplaint: z.boolean(), afterDeal: z.boolean() }), {
    afterComplaint: true,
    afterDeal: true,
  }),
  /** Days a survey link stays open. */
  surveyLinkDays: defineSetting("surveyLinkDays", z.number().int().min(1).max(365), DEFAULT_SURVEY_LINK_DAYS),
  /** Days the account's owner has to close the loop with a detractor or an unhappy CSAT answer. */
  closeLoopDays: defineSetting("closeLoopDays", z.number().int().min(1).max(60), DEFAULT_CLOSE_LOOP_DAYS),
};
