import { TASK_WRITERS } from "../auth/permissions";
import { authedProcedure, roleProcedure, router } from "../trpc";
import { listMyFollowUps } from "./follow-ups.queries";
import { createTask, listAssignees, listTasksForAccount, setTaskDone } from "./tasks.queries";
import {
  accountTasksInput,
  assigneesInput,
  createTaskInput,
  myFollowUpsInput,
  setTaskDoneInput,
} from "./tasks.schemas";

// Account managers are limited to their own accounts inside each write's transaction.
const taskWriter = roleProcedure(...TASK_WRITERS);

export const tasksRouter = router({
  listForAccount: authedProcedure
    .input(accountTasksInput)
    .query(({ ctx, input }) => listTasksForAccount(ctx.db, input)),
  assignees: taskWriter
    .input(assigneesInput)
    .query(({ ctx, input }) => listAssignees(ctx.db, ctx.user, input.accountId)),
  create: taskWriter.input(createTaskInput).mutation(({ ctx, input }) => createTask(ctx.db, ctx.user, input)),
  setDone: taskWriter
    .input(setTaskDoneInput)
    .mutation(({ ctx, input }) => setTaskDone(ctx.db, ctx.user, input)),
  // Anyone signed in: the list holds only tasks assigned to the caller (empty for read-only roles).
  myFollowUps: authedProcedure
    .input(myFollowUpsInput)
    .query(({ ctx, input }) =>
      listMyFollowUps(ctx.db, { ...input, assigneeId: ctx.user.id, now: Date.now() }),
    ),
});
