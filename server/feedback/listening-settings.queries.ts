// The admin card for listening to customers: survey schedule per level, CSAT switches, link lifetime, days to
// close the loop, and the feedback themes. Saved together, each setting audited by setSetting.
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { getSetting, setSetting } from "../settings/settings.queries";
import type { ListeningSettingsInput } from "../surveys/surveys.schemas";
import { surveysSettings } from "../surveys/surveys.settings";
import { feedbackSettings } from "./feedback.settings";

export function getListeningSettings(db: Db): ListeningSettingsInput {
  return {
    surveySchedule: getSetting(db, surveysSettings.surveySchedule),
    surveyCsat: getSetting(db, surveysSettings.surveyCsat),
    surveyLinkDays: getSetting(db, surveysSettings.surveyLinkDays),
    closeLoopDays: getSetting(db, surveysSettings.closeLoopDays),
    feedbackThemes: getSetting(db, feedbackSettings.feedbackThemes),
  };
}

export function saveListeningSettings(db: Db, actor: Actor, input: ListeningSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, surveysSettings.surveySchedule, input.surveySchedule, actor.id, now);
    setSetting(t, surveysSettings.surveyCsat, input.surveyCsat, actor.id, now);
    setSetting(t, surveysSettings.surveyLinkDays, input.surveyLinkDays, actor.id, now);
    setSetting(t, surveysSettings.closeLoopDays, input.closeLoopDays, actor.id, now);
    setSetting(t, feedbackSettings.feedbackThemes, input.feedbackThemes, actor.id, now);
  });
  return getListeningSettings(db);
}
