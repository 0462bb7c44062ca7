import { z } from "zod";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { createCompetitor, listCompetitors, mergeCompetitors, renameCompetitor } from "./competitors.queries";
import { createCompetitorInput, mergeCompetitorsInput, renameCompetitorInput } from "./competitors.schemas";

// Everyone who closes or reads deals sees the list; admins keep it (add, rename, merge duplicates).
const admin = roleProcedure("admin");

export const competitorsRouter = router({
  list: authedProcedure.input(z.object({}).optional()).query(({ ctx }) => listCompetitors(ctx.db)),
  create: admin
    .input(createCompetitorInput)
    .mutation(({ ctx, input }) => createCompetitor(ctx.db, ctx.user, input)),
  rename: admin
    .input(renameCompetitorInput)
    .mutation(({ ctx, input }) => renameCompetitor(ctx.db, ctx.user, input)),
  merge: admin
    .input(mergeCompetitorsInput)
    .mutation(({ ctx, input }) => mergeCompetitors(ctx.db, ctx.user, input)),
});
