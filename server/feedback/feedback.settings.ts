// Feedback settings (issue #13): the themes feedback is grouped by. The survey settings are the surveys domain's.
import { z } from "zod";
import { defineSetting } from "../settings/settings.queries";
import { DEFAULT_FEEDBACK_THEMES } from "./feedback.rules";

export const feedbackSettings = {
  /** Themes feedback is grouped by; a theme in use stays on its feedback when it leaves the list. */
  feedbackThemes: defineSetting(
    "feedbackThemes",
    z
      .array(z.string().trim().min(1).max(60))
      .min(1)
      .max(30)
      .refine((a) => new Set(a).size === a.length, { message: "Themes must differ." }),
    [...DEFAULT_FEEDBACK_THEMES] as string[],
  ),
};
