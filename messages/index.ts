// Message catalogs, one JSON file per namespace and language. Add a namespace here in both languages.
import type { Locale } from "@/db/schema";
import enAccounts from "./en/accounts.json";
import enActivities from "./en/activities.json";
import enApi from "./en/api.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enComplain from "./en/complain.json";
import enComplaintDashboard from "./en/complaint-dashboard.json";
import enComplaints from "./en/complaints.json";
import enDeals from "./en/deals.json";
import enEnums from "./en/enums.json";
import enExecutive from "./en/executive.json";
import enFeedback from "./en/feedback.json";
import enFeedbackDashboard from "./en/feedback-dashboard.json";
import enImport from "./en/import.json";
import enLevels from "./en/levels.json";
import enPalette from "./en/palette.json";
import enReport from "./en/report.json";
import enReports from "./en/reports.json";
import enSurvey from "./en/survey.json";
import enSystem from "./en/system.json";
import enUsers from "./en/users.json";
import enViews from "./en/views.json";
import enWebhooks from "./en/webhooks.json";
import zhAccounts from "./zh/accounts.json";
import zhActivities from "./zh/activities.json";
import zhApi from "./zh/api.json";
import zhAuth from "./zh/auth.json";
import zhCommon from "./zh/common.json";
import zhComplain from "./zh/complain.json";
import zhComplaintDashboard from "./zh/complaint-dashboard.json";
import zhComplaints from "./zh/complaints.json";
import zhDeals from "./zh/deals.json";
import zhEnums from "./zh/enums.json";
import zhExecutive from "./zh/executive.json";
import zhFeedback from "./zh/feedback.json";
import zhFeedbackDashboard from "./zh/feedback-dashboard.json";
import zhImport from "./zh/import.json";
import zhLevels from "./zh/levels.json";
import zhPalette from "./zh/palette.json";
import zhReport from "./zh/report.json";
import zhReports from "./zh/reports.json";
import zhSurvey from "./zh/survey.json";
import zhSystem from "./zh/system.json";
import zhUsers from "./zh/users.json";
import zhViews from "./zh/views.json";
import zhWebhooks from "./zh/webhooks.json";

export const catalogs = {
  en: {
    common: enCommon,
    enums: enEnums,
    auth: enAuth,
    accounts: enAccounts,
    api: enApi,
    activities: enActivities,
    users: enUsers,
    report: enReport,
    reports: enReports,
    import: enImport,
    executive: enExecutive,
    levels: enLevels,
    complain: enComplain,
    complaints: enComplaints,
    complaintDashboard: enComplaintDashboard,
    deals: enDeals,
    palette: enPalette,
    views: enViews,
    system: enSystem,
    survey: enSurvey,
    feedback: enFeedback,
    feedbackDashboard: enFeedbackDashboard,
    webhooks: enWebhooks,
  },
  zh: {
    common: zhCommon,
    enums: zhEnums,
    auth: zhAuth,
    accounts: zhAccounts,
    api: zhApi,
    activities: zhActivities,
    users: zhUsers,
    report: zhReport,
    reports: zhReports,
    import: zhImport,
    executive: zhExecutive,
    levels: zhLevels,
    complain: zhComplain,
    complaints: zhComplaints,
    complaintDashboard: zhComplaintDashboard,
    deals: zhDeals,
    palette: zhPalette,
    views: zhViews,
    system: zhSystem,
    survey: zhSurvey,
    feedback: zhFeedback,
    feedbackDashboard: zhFeedbackDashboard,
    webhooks: zhWebhooks,
  },
} as const;

export type Messages = (typeof catalogs)["en"];

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale] as unknown as Messages;
}
