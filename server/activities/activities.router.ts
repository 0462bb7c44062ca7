import { ACTIVITY_LOGGERS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { listActivitiesForAccount, logActivity } from "./activities.queries";
import { listActivitiesInput, logActivityInput } from "./activities.schemas";

export const activitiesRouter = router({
  listForAccount: authedProcedure
    .input(listActivitiesInput)
    .query(({ ctx, input }) => listActivitiesForAccount(ctx.db, input)),
  // Account managers are further limited to their own accounts inside logActivity's transaction.
  log: roleProcedure(...ACTIVITY_LOGGERS)
    .input(logActivityInput)
    .mutation(({ ctx, input }) => logActivity(ctx.db, ctx.user, input)),
});
