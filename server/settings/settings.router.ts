import { z } from "zod";
import { roleProcedure, router } from "../trpc";
import {
  getAdminSettings,
  saveCadence,
  saveComplaintSettings,
  saveLapseWindow,
  saveLevelThresholds,
} from "./settings.admin";
import {
  cadenceInput,
  complaintSettingsInput,
  lapseWindowInput,
  levelThresholdsInput,
} from "./settings.schemas";

const admin = roleProcedure("admin");

export const settingsRouter = router({
  get: admin.input(z.object({}).optional()).query(({ ctx }) => getAdminSettings(ctx.db)),
  setLapseWindow: admin
    .input(lapseWindowInput)
    .mutation(({ ctx, input }) => saveLapseWindow(ctx.db, ctx.user, input)),
  setLevelThresholds: admin
    .input(levelThresholdsInput)
    .mutation(({ ctx, input }) => saveLevelThresholds(ctx.db, ctx.user, input)),
  setCadence: admin.input(cadenceInput).mutation(({ ctx, input }) => saveCadence(ctx.db, ctx.user, input)),
  setComplaints: admin
    .input(complaintSettingsInput)
    .mutation(({ ctx, input }) => saveComplaintSettings(ctx.db, ctx.user, input)),
});
