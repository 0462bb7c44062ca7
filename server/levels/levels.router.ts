import { ACCOUNT_CREATORS, LEVEL_LIST_ROLES } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { findMismatches, getLevelsForAccount, setPractisedLevel } from "./levels.queries";
import { accountLevelInput, levelListInput, mismatchListInput, setPractisedInput } from "./levels.schemas";
import { findOverdue } from "./overdue.queries";
import { resolveOwnerScope } from "./owner-scope";

export const levelsRouter = router({
  // The account page shows levels to everyone who can open it.
  forAccount: authedProcedure
    .input(accountLevelInput)
    .query(({ ctx, input }) => getLevelsForAccount(ctx.db, ctx.user, input.accountId)),
  // Account managers only on their own accounts, checked inside the write's transaction.
  setPractised: roleProcedure(...ACCOUNT_CREATORS)
    .input(setPractisedInput)
    .mutation(({ ctx, input }) => setPractisedLevel(ctx.db, ctx.user, input)),
  mismatches: roleProcedure(...LEVEL_LIST_ROLES)
    .input(mismatchListInput)
    .query(({ ctx, input }) =>
      findMismatches(ctx.db, { ...input, ownerId: resolveOwnerScope(ctx.user, input.ownerId, false) }),
    ),
  overdue: roleProcedure(...LEVEL_LIST_ROLES)
    .input(levelListInput)
    .query(({ ctx, input }) =>
      findOverdue(ctx.db, {
        ...input,
        ownerId: resolveOwnerScope(ctx.user, input.ownerId, true),
        now: Date.now(),
      }),
    ),
});
