import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { createFirstAdmin, isSetupNeeded } from "./setup.queries";
import { setupInput } from "./setup.schemas";

export const setupRouter = router({
  needed: publicProcedure.input(z.void()).query(({ ctx }) => isSetupNeeded(ctx.db)),
  createAdmin: publicProcedure
    .input(setupInput)
    .mutation(({ ctx, input }) => createFirstAdmin(ctx.db, input)),
});
