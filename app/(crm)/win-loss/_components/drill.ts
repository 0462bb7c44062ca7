import type { DRILL_KINDS } from "@/server/deals/deals.schemas";

/** One bar clicked: which deals to list, and the label to show above them. */
export type Drill = {
  kind: (typeof DRILL_KINDS)[number];
  value: string;
  outcome?: "won" | "lost" | "no_decision";
  label: string;
};
export type OnDrill = (drill: Drill) => void;

export const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);
export const th = "px-2 py-1.5 text-left font-medium";
export const td = "px-2 py-1.5 tabular-nums";
export const COLORS = {
  won: "#16a34a",
  lost: "#dc2626",
  noDecision: "#94a3b8",
  rate: "#1d4ed8",
  owner: "#f59e0b",
  buyer: "#0891b2",
};
