// The demo company's people: one or more per role. The README lists these sign-ins.
import type { Role } from "../schema";

export const DEMO_PASSWORD = "ladder-demo";

export type DemoUser = { id: string; name: string; email: string; role: Role; locale: "en" | "zh" };

export const DEMO_USERS: readonly DemoUser[] = [
  { id: "u-admin", name: "Ada Admin", email: "admin@ladder.demo", role: "admin", locale: "en" },
  { id: "u-am-1", name: "Mia Manager", email: "manager@ladder.demo", role: "account_manager", locale: "en" },
  { id: "u-am-2", name: "王芳", email: "wang.fang@ladder.demo", role: "account_manager", locale: "zh" },
  { id: "u-am-3", name: "Sam Okafor", email: "sam@ladder.demo", role: "account_manager", locale: "en" },
  { id: "u-am-4", name: "李明", email: "li.ming@ladder.demo", role: "account_manager", locale: "zh" },
  { id: "u-lead", name: "Leo Lead", email: "lead@ladder.demo", role: "sales_lead", locale: "en" },
  { id: "u-agent", name: "Sara Service", email: "agent@ladder.demo", role: "service_agent", locale: "en" },
  { id: "u-exec", name: "Eve Executive", email: "exec@ladder.demo", role: "executive", locale: "en" },
];
