import { auditRouter } from "./audit/audit.router";
import { createCallerFactory, router } from "./trpc";
import { usersRouter } from "./users/users.router";

export const appRouter = router({
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
