// The admin settings page: reads the settings each domain declares (ladder, levels, complaints), saves them
// (audited by setSetting) and applies what a change implies: a shorter lapse window lapses accounts now, new
// level thresholds re-rank every account, new cadence intervals create due tasks.

import type { z } from "zod";
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { complaintsSettings } from "../complaints/complaints.settings";
import { ladderSettings } from "../ladder/ladder.settings";
import { evaluateLapse } from "../ladder/lapse.queries";
import { ensureCadenceTasks } from "../levels/cadence.queries";
import { levelsSettings } from "../levels/levels.settings";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";
import { getSetting, setSetting } from "../settings/settings.queries";
import {
  type ComplaintSettingsInput,
  type cadenceInput,
  type LevelThresholdsInput,
  type lapseWindowInput,
  percentToShare,
  shareToPercent,
} from "./admin-settings.schemas";

export function getAdminSettings(db: Db) {
  const t = getSetting(db, levelsSettings.levelThresholds);
  return {
    lapseWindowDays: getSetting(db, ladderSettings.lapseWindowDays),
    levelThresholds: {
      manyCustomersAtLeast: t.manyCustomersAtLeast,
      mediumCustomersAtLeast: t.mediumCustomersAtLeast,
      highMarginPct: shareToPercent(t.highMarginAtLeast),
      mediumMarginPct: shareToPercent(t.mediumMarginAtLeast),
    },
    cadence: getSetting(db, levelsSettings.cadence),
    complaints: {
      promisedTimes: getSetting(db, complaintsSettings.promisedTimes),
      approvalLimit: getSetting(db, complaintsSettings.approvalLimit) / 100,
      routing: getSetting(db, complaintsSettings.routing),
      rootCauses: getSetting(db, complaintsSettings.rootCauses),
      followUpDays: getSetting(db, complaintsSettings.followUpDays),
    },
  };
}

export function saveLapseWindow(db: Db, actor: Actor, input: z.infer<typeof lapseWindowInput>) {
  setSetting(db, ladderSettings.lapseWindowDays, input.lapseWindowDays, actor.id);
  // A shorter window lapses accounts now rather than at the next hourly run. (A longer one lapses nobody and
  // does not revive anyone: an account comes back by ordering.)
  evaluateLapse(db, { asOf: Date.now(), windowDays: input.lapseWindowDays });
  return getAdminSettings(db);
}

/** Saves the thresholds and recomputes every account's recommendation in the same transaction. */
export function saveLevelThresholds(db: Db, actor: Actor, input: LevelThresholdsInput, now = Date.now()) {
  const recomputed = inTransaction(db, (t) => {
    const thresholds = setSetting(
      t,
      levelsSettings.levelThresholds,
      {
        manyCustomersAtLeast: input.manyCustomersAtLeast,
        mediumCustomersAtLeast: input.mediumCustomersAtLeast,
        highMarginAtLeast: percentToShare(input.highMarginPct),
        mediumMarginAtLeast: percentToShare(input.mediumMarginPct),
      },
      actor.id,
      now,
    );
    return recomputeRecommendedLevels(t, { asOf: now, thresholds });
  });
  return { ...getAdminSettings(db), recomputed };
}

export function saveCadence(db: Db, actor: Actor, input: z.infer<typeof cadenceInput>, now = Date.now()) {
  const cadence = setSetting(db, levelsSettings.cadence, input, actor.id, now);
  ensureCadenceTasks(db, { asOf: now, cadence });
  return getAdminSettings(db);
}

/** The complaint settings, saved together; promised times apply to complaints received from now on. */
export function saveComplaintSettings(db: Db, actor: Actor, input: ComplaintSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, complaintsSettings.promisedTimes, input.promisedTimes, actor.id, now);
    setSetting(t, complaintsSettings.approvalLimit, Math.round(input.approvalLimit * 100), actor.id, now);
    setSetting(t, complaintsSettings.routing, input.routing, actor.id, now);
    setSetting(t, complaintsSettings.rootCauses, [...new Set(input.rootCauses)], actor.id, now);
    setSetting(t, complaintsSettings.followUpDays, input.followUpDays, actor.id, now);
  });
  return getAdminSettings(db);
}
