import { accountsRouter } from "./accounts/accounts.router";
import { activitiesRouter } from "./activities/activities.router";
import { tasksRouter } from "./activities/tasks.router";
import { auditRouter } from "./audit/audit.router";
import { complaintsRouter } from "./complaints/complaints.router";
import { contactsRouter } from "./contacts/contacts.router";
import { competitorsRouter } from "./deals/competitors.router";
import { dealsRouter } from "./deals/deals.router";
import { executiveRouter } from "./executive/executive.router";
import { importsRouter } from "./imports/imports.router";
import { ladderRouter } from "./ladder/ladder.router";
import { winbackRouter } from "./ladder/winback.router";
import { levelsRouter } from "./levels/levels.router";
import { ordersRouter } from "./orders/orders.router";
import { reportsRouter } from "./reports/reports.router";
import { nameLabelsRouter } from "./settings/name-labels.router";
import { settingsRouter } from "./settings/settings.router";
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
  levels: levelsRouter,
  winback: winbackRouter,
  settings: settingsRouter,
  imports: importsRouter,
  executive: executiveRouter,
  complaints: complaintsRouter,
  deals: dealsRouter,
  competitors: competitorsRouter,
  nameLabels: nameLabelsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
