// Who sees the executive pages: a setting (default executives, sales leads and admins), read by the executive
// procedures, the pages and the navigation alike.
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { getSetting } from "../settings/settings.queries";
import { authSettings } from "./auth.settings";

export function executiveViewers(db: Db): readonly Role[] {
  return getSetting(db, authSettings.executiveViewers);
}

export function canSeeExecutive(db: Db, role: Role): boolean {
  return executiveViewers(db).includes(role);
}
