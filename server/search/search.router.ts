// The command palette (issue #12 §5): one look-up over accounts, contacts, deals and complaints.
import { authedProcedure, router } from "../trpc";
import { searchEverything } from "./search.queries";
import { paletteSearchInput } from "./search.schemas";

export const searchRouter = router({
  palette: authedProcedure
    .input(paletteSearchInput)
    .query(({ ctx, input }) => searchEverything(ctx.db, ctx.user, input)),
});
