import { LEVEL_LIST_ROLES, TASK_WRITERS } from "../auth/permissions";
import { resolveOwnerScope } from "../levels/owner-scope";
import { roleProcedure, router } from "../trpc";
import { findWinbackList, startWinback } from "./winback.queries";
import { startWinbackInput, winbackListInput } from "./winback.schemas";

export const winbackRouter = router({
  // Account managers start on their own accounts and may look at a colleague's; service agents have no list.
  list: roleProcedure(...LEVEL_LIST_ROLES)
    .input(winbackListInput)
    .query(({ ctx, input }) =>
      findWinbackList(ctx.db, { ...input, ownerId: resolveOwnerScope(ctx.user, input.ownerId, false) }),
    ),
  // Like task writing: account managers only on their own accounts, checked in the write's transaction.
  start: roleProcedure(...TASK_WRITERS)
    .input(startWinbackInput)
    .mutation(({ ctx, input }) => startWinback(ctx.db, ctx.user, input)),
});
