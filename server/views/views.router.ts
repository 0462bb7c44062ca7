// Saved views of the lists (issue #12 §5): every signed-in person keeps their own.
import { authedProcedure, router } from "../trpc";
import { deleteView, listViews, saveView } from "./views.queries";
import { deleteViewInput, listViewsInput, saveViewInput } from "./views.schemas";

export const viewsRouter = router({
  list: authedProcedure
    .input(listViewsInput)
    .query(({ ctx, input }) => listViews(ctx.db, ctx.user, input.list)),
  save: authedProcedure.input(saveViewInput).mutation(({ ctx, input }) => saveView(ctx.db, ctx.user, input)),
  delete: authedProcedure
    .input(deleteViewInput)
    .mutation(({ ctx, input }) => deleteView(ctx.db, ctx.user, input.id)),
});
