// The admin card for listening to customers: survey schedule per level, CSAT switches, link lifetime, days to
// close the loop, and the feedback themes. Saved together, each setting audited by setSetting.
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { getSetting, setSetting } from "../settings/settings.queries";
import type { ListeningSettingsInput } from "../surveys/surveys.schemas";

export function getListeningSettings(db: Db): ListeningSettingsInput {
  return {
    surveySchedule: getSetting(db, "surveySchedule"),
    surveyCsat: getSetting(db, "surveyCsat"),
    surveyLinkDays: getSetting(db, "surveyLinkDays"),
    closeLoopDays: getSetting(db, "closeLoopDays"),
    feedbackThemes: getSetting(db, "feedbackThemes"),
  };
}

export function saveListeningSettings(db: Db, actor: Actor, input: ListeningSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, "surveySchedule", input.surveySchedule, actor.id, now);
    setSetting(t, "surveyCsat", input.surveyCsat, actor.id, now);
    setSetting(t, "surveyLinkDays", input.surveyLinkDays, actor.id, now);
    setSetting(t, "closeLoopDays", input.closeLoopDays, actor.id, now);
    setSetting(t, "feedbackThemes", input.feedbackThemes, actor.id, now);
  });
  return getListeningSettings(db);
}
