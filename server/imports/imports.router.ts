import { roleProcedure, router } from "../trpc";
import { runImport } from "./import.queries";
import { runImportInput } from "./import.schemas";

// Imports create accounts without an owner across the whole book: sales leads and admins only.
export const importsRouter = router({
  run: roleProcedure("sales_lead", "admin")
    .input(runImportInput)
    .mutation(({ ctx, input }) => runImport(ctx.db, ctx.user, input)),
});
