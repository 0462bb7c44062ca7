// Who sees the executive pages: a setting (default executives, sales leads and admins), read by the executive
// procedures, the pages and the navigation alike.
import type { Db } from "@/db/client";
import type { Role } from "@/db/schema";
import { getSetting } from "../settings/settings.queries";

export function executiveViewers(db: Db): readonly Role[] {
  return getSetting(db, "executiveViewers");
}

export function canSeeExecutive(db: Db, role: Role): boolean {
  return executiveViewers(db).includes(role);
}
