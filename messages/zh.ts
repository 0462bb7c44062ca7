// The Simplified Chinese catalog, one JSON file per namespace (messages/index.ts lists both languages).
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

export const chinese = {
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
} as const;
