// Access settings: who sees the executive pages (issue #6: executives, sales leads and admins by default).
import { z } from "zod";
import { ROLES, type Role } from "@/db/schema";
import { defineSetting } from "../settings/settings.queries";
import { EXECUTIVE_VIEWERS } from "./permissions";

export const authSettings = {
  executiveViewers: defineSetting("executiveViewers", z.array(z.enum(ROLES)).max(ROLES.length), [
    ...EXECUTIVE_VIEWERS,
  ] as Role[]),
};
