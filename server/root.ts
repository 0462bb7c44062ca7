import { activitiesRouter } from "./activities/activities.router";
import { tasksRouter } from "./activities/tasks.router";
import { auditRouter } from "./audit/audit.router";
import { createCallerFactory, router } from "./trpc";
import { usersRouter } from "./users/users.router";

export const appRouter = router({
  users: usersRouter,
  activities: activitiesRouter,
  tasks: tasksRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
