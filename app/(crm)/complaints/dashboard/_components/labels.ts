"use client";

import { useTranslations } from "next-intl";

export const pct = (x: number | null | undefined) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);
export const hours = (ms: number | null | undefined) => (ms == null ? null : Math.round(ms / 36_000) / 100);
export const fmtHours = (ms: number | null | undefined) => {
  const h = hours(ms);
  return h == null ? "—" : `${h.toFixed(1)} h`;
};
export const th = "px-2 py-1.5 text-left font-medium";
export const td = "px-2 py-1.5 tabular-nums";

export const PALETTE = [
  "#1d4ed8",
  "#f59e0b",
  "#16a34a",
  "#dc2626",
  "#7c3aed",
  "#0891b2",
  "#64748b",
  "#db2777",
];
export const OUTCOME_COLORS: Record<string, string> = {
  unacknowledged: "#991b1b",
  unresolved: "#f97316",
  resolved: "#3b82f6",
  resolved_quickly: "#16a34a",
  pending: "#94a3b8",
  noComplaint: "#64748b",
};

type Group = "outcome" | "channels" | "categories" | "rootCause" | "parties_" | "remedy";

/** A label for a stored key; keys without a translation (root causes an admin added) are shown as typed. */
export function useLabel(group: Group) {
  const t = useTranslations("complaintDashboard");
  return (key: string) => {
    const id = `${group}.${key}` as Parameters<typeof t>[0];
    return t.has(id) ? t(id) : key;
  };
}

/** Rungs from enums.rung, lapsed and lost from enums.status. */
export function useRungLabel() {
  const t = useTranslations("enums");
  return (key: string) => {
    const rung = `rung.${key}` as Parameters<typeof t>[0];
    const status = `status.${key}` as Parameters<typeof t>[0];
    return t.has(rung) ? t(rung) : t.has(status) ? t(status) : key;
  };
}
