import type { Role } from "@/db/schema";
import {
  COMPLAINT_DASHBOARD_VIEWERS,
  EXECUTIVE_VIEWERS,
  FEEDBACK_DASHBOARD_VIEWERS,
  IMPORTERS,
  REVIEW_QUEUE_ROLES,
  WIN_LOSS_VIEWERS,
} from "@/server/auth/permissions";

export type NavItem = {
  href: string;
  key:
    | "accounts"
    | "deals"
    | "complaints"
    | "winLoss"
    | "complaintsDashboard"
    | "reviewQueue"
    | "followUps"
    | "ladder"
    | "ladderReport"
    | "whatIf"
    | "value"
    | "overview"
    | "cohorts"
    | "ladderTrends"
    | "import"
    | "levels"
    | "overdue"
    | "winBack"
    | "users"
    | "audit"
    | "settings"
    | "feedback"
    | "surveyAnswers"
    | "advocates"
    | "feedbackDashboard"
    | "api"
    | "webhooks";
  /** Who sees it: a fixed list, or "executiveViewers" for the roles that setting names (the executive pages). */
  roles: readonly Role[] | "executiveViewers";
};

const ALL: readonly Role[] = ["account_manager", "sales_lead", "service_agent", "executive", "admin"];

/** The app's sections and who sees them. The server still checks every call; this only keeps menus relevant. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/follow-ups", key: "followUps", roles: ["account_manager", "sales_lead", "admin"] },
  { href: "/accounts", key: "accounts", roles: ALL },
  // Issue #5: handlers work the queues; account managers see their own accounts'; executives read.
  { href: "/complaints", key: "complaints", roles: ALL },
  // Issue #13: everyone who touches customers records feedback; loops are closed by the accounts' owners.
  { href: "/feedback/items", key: "feedback", roles: ALL },
  { href: "/feedback/answers", key: "surveyAnswers", roles: ALL },
  { href: "/ladder", key: "ladder", roles: ALL },
  { href: "/deals", key: "deals", roles: ALL },
  { href: "/win-loss", key: "winLoss", roles: WIN_LOSS_VIEWERS },
  { href: "/win-loss/reviews", key: "reviewQueue", roles: REVIEW_QUEUE_ROLES },
  // Issue #3: cadence and levels are the account side's work; service agents handle complaints instead.
  { href: "/overdue", key: "overdue", roles: ["account_manager", "sales_lead", "admin"] },
  { href: "/win-back", key: "winBack", roles: ["account_manager", "sales_lead", "executive", "admin"] },
  { href: "/levels", key: "levels", roles: ["account_manager", "sales_lead", "executive", "admin"] },
  {
    href: "/feedback/advocates",
    key: "advocates",
    roles: ["account_manager", "sales_lead", "executive", "admin"],
  },
  { href: "/reports/ladder", key: "ladderReport", roles: ALL },
  { href: "/executive", key: "overview", roles: "executiveViewers" },
  { href: "/executive/cohorts", key: "cohorts", roles: "executiveViewers" },
  { href: "/executive/ladder", key: "ladderTrends", roles: "executiveViewers" },
  { href: "/complaints/dashboard", key: "complaintsDashboard", roles: COMPLAINT_DASHBOARD_VIEWERS },
  { href: "/feedback", key: "feedbackDashboard", roles: FEEDBACK_DASHBOARD_VIEWERS },
  { href: "/executive/value", key: "value", roles: "executiveViewers" },
  { href: "/executive/what-if", key: "whatIf", roles: "executiveViewers" },
  { href: "/import", key: "import", roles: IMPORTERS },
  { href: "/admin/users", key: "users", roles: ["admin"] },
  { href: "/admin/audit", key: "audit", roles: ["admin"] },
  { href: "/admin/settings", key: "settings", roles: ["admin"] },
  { href: "/admin/api", key: "api", roles: ["admin"] },
  { href: "/admin/api/webhooks", key: "webhooks", roles: ["admin"] },
];

/** The sections a role sees; `executiveViewers` is the setting's list (the default list when not given). */
export function navFor(role: Role, executiveViewers: readonly Role[] = EXECUTIVE_VIEWERS): NavItem[] {
  return NAV_ITEMS.filter((item) =>
    (item.roles === "executiveViewers" ? executiveViewers : item.roles).includes(role),
  );
}

/** Where a role lands after signing in. */
export function homeFor(role: Role, executiveViewers: readonly Role[] = EXECUTIVE_VIEWERS): string {
  return navFor(role, executiveViewers)[0]?.href ?? "/accounts";
}
