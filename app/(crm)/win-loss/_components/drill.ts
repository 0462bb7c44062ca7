import type { DRILL_KINDS } from "@/server/deals/deals.schemas";

/** One bar pressed: which deals to list, and the label to show above them. */
export type Drill = {
  kind: (typeof DRILL_KINDS)[number];
  value: string;
  outcome?: "won" | "lost" | "no_decision";
  label: string;
};
export type OnDrill = (drill: Drill) => void;
