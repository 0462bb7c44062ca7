import { IMPORTERS } from "../auth/permissions";
import { roleProcedure, router } from "../trpc";
import type { AccountImportResult } from "./account-import.queries";
import { runAccountImportInput } from "./account-import.schemas";
import type { ImportResult } from "./import.queries";
import { runImportInput } from "./import.schemas";
import { runImportJob } from "./import-jobs";

// Imports create accounts without an owner across the whole book: sales leads and admins only. Both run off the
// request thread (import-jobs.ts). The page uploads files through /api/import/<kind> (its own body limit);
// these procedures take the CSV inside the request, within the ordinary body limit.
export const importsRouter = router({
  run: roleProcedure(...IMPORTERS)
    .input(runImportInput)
    .mutation(async ({ ctx, input }) => {
      const { kind: _kind, ...result } = await runImportJob(ctx.db, ctx.user, { kind: "orders", input });
      return result as ImportResult;
    }),
  accounts: roleProcedure(...IMPORTERS)
    .input(runAccountImportInput)
    .mutation(async ({ ctx, input }) => {
      const { kind: _kind, ...result } = await runImportJob(ctx.db, ctx.user, { kind: "accounts", input });
      return result as AccountImportResult;
    }),
});
