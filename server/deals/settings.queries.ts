// Win/loss settings as the admin page edits them: three settings rows saved together (each audited).
import type { Db } from "@/db/client";
import { inTransaction } from "@/db/transaction";
import type { Actor } from "../auth/permissions";
import { getSetting, setSetting } from "../settings/settings.queries";
import type { WinLossSettingsInput } from "./deals.schemas";

export function getWinLossSettings(db: Db): WinLossSettingsInput {
  const policy = getSetting(db, "reviewPolicy");
  return {
    stages: getSetting(db, "dealStages"),
    reasons: getSetting(db, "winLossReasons"),
    reviewerRoles: policy.roles.filter(
      (r): r is WinLossSettingsInput["reviewerRoles"][number] => r !== "account_manager",
    ),
    otherAccountManagers: policy.otherAccountManagers,
  };
}

/** Open deals keep their stage name even if it is renamed away; closed deals keep their reasons. */
export function saveWinLossSettings(db: Db, actor: Actor, input: WinLossSettingsInput, now = Date.now()) {
  inTransaction(db, (t) => {
    setSetting(t, "dealStages", input.stages, actor.id, now);
    setSetting(t, "winLossReasons", input.reasons, actor.id, now);
    setSetting(
      t,
      "reviewPolicy",
      { roles: input.reviewerRoles, otherAccountManagers: input.otherAccountManagers },
      actor.id,
      now,
    );
  });
  return getWinLossSettings(db);
}
