import { accountsRouter } from "./accounts/accounts.router";
import { activitiesRouter } from "./activities/activities.router";
import { tasksRouter } from "./activities/tasks.router";
import { settingsRouter } from "./admin/admin-settings.router";
import { nameLabelsRouter } from "./admin/name-labels.router";
import { advocatesRouter } from "./advocates/advocates.router";
import { apiKeysRouter } from "./api-keys/api-keys.router";
import { auditRouter } from "./audit/audit.router";
import { complaintsRouter } from "./complaints/complaints.router";
import { contactsRouter } from "./contacts/contacts.router";
import { competitorsRouter } from "./deals/competitors.router";
import { dealsRouter } from "./deals/deals.router";
import { executiveRouter } from "./executive/executive.router";
import { feedbackDashboardRouter } from "./feedback/dashboard.router";
import { feedbackRouter } from "./feedback/feedback.router";
import { importsRouter } from "./imports/imports.router";
import { ladderRouter } from "./ladder/ladder.router";
import { winbackRouter } from "./ladder/winback.router";
import { levelsRouter } from "./levels/levels.router";
import { ordersRouter } from "./orders/orders.router";
import { reportsRouter } from "./reports/reports.router";
import { searchRouter } from "./search/search.router";
import { setupRouter } from "./setup/setup.router";
import { surveysRouter } from "./surveys/surveys.router";
import { createCallerFactory, router } from "./trpc";
import { usersRouter } from "./users/users.router";
import { viewsRouter } from "./views/views.router";
import { webhooksRouter } from "./webhooks/webhooks.router";

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
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  imports: importsRouter,
  executive: executiveRouter,
  complaints: complaintsRouter,
  deals: dealsRouter,
  feedback: feedbackRouter,
  feedbackDashboard: feedbackDashboardRouter,
  surveys: surveysRouter,
  advocates: advocatesRouter,
  search: searchRouter,
  views: viewsRouter,
  competitors: competitorsRouter,
  nameLabels: nameLabelsRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
