import { IMPORTERS } from "../auth/permissions";
import { roleProcedure, router } from "../trpc";
import { runImport } from "./import.queries";
import { runImportInput } from "./import.schemas";

// Imports create accounts without an owner across the whole book: sales leads and admins only.
export const importsRouter = router({
  run: roleProcedure(...IMPORTERS)
    .input(runImportInput)
    .mutation(({ ctx, input }) => runImport(ctx.db, ctx.user, input)),
});
