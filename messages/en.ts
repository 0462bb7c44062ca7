// The English catalog, one JSON file per namespace (messages/index.ts lists both languages).
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

export const english = {
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
} as const;
