// The pages bench:pages visits, each as the role that uses it day to day, with record pages (an account, a
// deal, a complaint) picked from the bench database: the busiest ones, so the figures are the heavy case.
import type Database from "better-sqlite3";

export type PagePlan = { name: string; url: string; role: string; email: string | null };
export type Samples = { ttfb: number[]; lcp: number[] };

const EMAIL = {
  account_manager: "manager@ladder.demo",
  sales_lead: "lead@ladder.demo",
  service_agent: "agent@ladder.demo",
  executive: "exec@ladder.demo",
  admin: "admin@ladder.demo",
} as const;
type Role = keyof typeof EMAIL;

export function pagePlans(db: Database.Database): PagePlan[] {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number | undefined;
  // The manager's account with most orders; the manager's latest deal; the lead's oldest unreviewed deal
  // they may review (not theirs); the agent's open complaint due first.
  const account = one(
    "SELECT id FROM accounts WHERE owner_id = 'u-am-1' ORDER BY order_count DESC, id LIMIT 1",
  );
  const deal = one("SELECT id FROM deals WHERE owner_id = 'u-am-1' ORDER BY created_at DESC, id LIMIT 1");
  const reviewDeal = one(
    `SELECT id FROM deals WHERE reviewed_at IS NULL AND status <> 'open' AND owner_id <> 'u-lead'
     ORDER BY closed_at DESC, id DESC LIMIT 1`,
  );
  const complaint = one("SELECT id FROM complaints WHERE due_at IS NOT NULL ORDER BY due_at, id LIMIT 1");
  const pages: Array<[string, string, Role | null]> = [
    ["sign-in", "/sign-in", null],
    ["make a complaint (public)", "/complain", null],
    ["follow-ups", "/follow-ups", "account_manager"],
    ["accounts", "/accounts", "account_manager"],
    ["account page", `/accounts/${account}`, "account_manager"],
    ["ladder board", "/ladder", "account_manager"],
    ["deals", "/deals", "account_manager"],
    ["deal page", `/deals/${deal}`, "account_manager"],
    ["overdue contacts", "/overdue", "account_manager"],
    ["win-back", "/win-back", "account_manager"],
    ["levels", "/levels", "account_manager"],
    ["ladder report", "/reports/ladder", "account_manager"],
    ["win/loss", "/win-loss", "sales_lead"],
    ["review queue", "/win-loss/reviews", "sales_lead"],
    ["deal review", `/deals/${reviewDeal}/review`, "sales_lead"],
    ["import orders", "/import", "sales_lead"],
    ["feedback dashboard", "/feedback", "sales_lead"],
    ["feedback list", "/feedback/items", "account_manager"],
    ["survey answers", "/feedback/answers", "account_manager"],
    ["advocates", "/feedback/advocates", "account_manager"],
    ["complaints queue", "/complaints", "service_agent"],
    ["complaint page", `/complaints/${complaint}`, "service_agent"],
    ["record a complaint", "/complaints/new", "service_agent"],
    ["complaints dashboard", "/complaints/dashboard", "service_agent"],
    ["executive overview", "/executive", "executive"],
    ["cohorts", "/executive/cohorts", "executive"],
    ["ladder over time", "/executive/ladder", "executive"],
    ["lifetime value", "/executive/value", "executive"],
    ["service what-if", "/executive/what-if", "executive"],
    ["users", "/admin/users", "admin"],
    ["audit log", "/admin/audit", "admin"],
    ["settings", "/admin/settings", "admin"],
    ["API keys", "/admin/api", "admin"],
    ["API reference", "/admin/api/reference", "admin"],
    ["own account", "/account", "account_manager"],
  ];
  return pages.map(([name, url, role]) => ({
    name,
    url,
    role: role ?? "anyone",
    email: role ? EMAIL[role] : null,
  }));
}
