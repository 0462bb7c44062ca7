import { accountsRouter } from "./accounts/accounts.router";
import { activitiesRouter } from "./activities/activities.router";
import { tasksRouter } from "./activities/tasks.router";
import { auditRouter } from "./audit/audit.router";
import { contactsRouter } from "./contacts/contacts.router";
import { ladderRouter } from "./ladder/ladder.router";
import { ordersRouter } from "./orders/orders.router";
import { reportsRouter } from "./reports/reports.router";
import { createCallerFactory, router } from "./trpc";
import { usersRouter } from "./users/users.router";

export const appRouter = router({
  users: usersRouter,
  accounts: accountsRouter,
  contacts: contactsRouter,
  orders: ordersRouter,
  ladder: ladderRouter,
  activities: activitiesRouter,
  tasks: tasksRouter,
  audit: auditRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
