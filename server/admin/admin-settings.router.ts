// The admin settings procedures (tRPC path "settings"): each save is a domain's setting applied by
// admin-settings.queries.ts.
import { z } from "zod";
import { ROLES } from "@/db/schema";
import { authSettings } from "../auth/auth.settings";
import { getSetting, setSetting } from "../settings/settings.queries";
import { roleProcedure, router } from "../trpc";
import {
  getAdminSettings,
  saveCadence,
  saveComplaintSettings,
  saveLapseWindow,
  saveLevelThresholds,
} from "./admin-settings.queries";
import {
  cadenceInput,
  complaintSettingsInput,
  lapseWindowInput,
  levelThresholdsInput,
} from "./admin-settings.schemas";

const admin = roleProcedure("admin");
const executiveViewersInput = z.object({ roles: z.array(z.enum(ROLES)).max(ROLES.length) });

export const settingsRouter = router({
  get: admin.input(z.object({}).optional()).query(({ ctx }) => getAdminSettings(ctx.db)),
  setLapseWindow: admin
    .input(lapseWindowInput)
    .mutation(({ ctx, input }) => saveLapseWindow(ctx.db, ctx.user, input)),
  setLevelThresholds: admin
    .input(levelThresholdsInput)
    .mutation(({ ctx, input }) => saveLevelThresholds(ctx.db, ctx.user, input)),
  setCadence: admin.input(cadenceInput).mutation(({ ctx, input }) => saveCadence(ctx.db, ctx.user, input)),
  executiveViewers: admin
    .input(z.object({}).optional())
    .query(({ ctx }) => getSetting(ctx.db, authSettings.executiveViewers)),
  setExecutiveViewers: admin
    .input(executiveViewersInput)
    .mutation(({ ctx, input }) =>
      setSetting(ctx.db, authSettings.executiveViewers, input.roles, ctx.user.id),
    ),
  setComplaints: admin
    .input(complaintSettingsInput)
    .mutation(({ ctx, input }) => saveComplaintSettings(ctx.db, ctx.user, input)),
});
