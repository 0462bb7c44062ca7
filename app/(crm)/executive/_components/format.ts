"use client";

import { useFormatter, useTranslations } from "next-intl";

/** Shares as "42.5%", and "—" where a figure has no denominator. */
export function usePercent() {
  const t = useTranslations("executive");
  return (x: number | null | undefined, digits = 1) =>
    x === null || x === undefined ? t("none") : `${(x * 100).toFixed(digits)}%`;
}

/** A change against the previous range as "+12.0%" / "−3.5%"; "—" when there is nothing to compare with. */
export function useChange() {
  const t = useTranslations("executive");
  return (x: number | null) => {
    if (x === null) return t("none");
    const sign = x > 0 ? "+" : x < 0 ? "−" : "±";
    return `${sign}${Math.abs(x * 100).toFixed(1)}%`;
  };
}

/** Colours of the ladder's bands, bottom to top, then off the ladder. */
export const BAND_COLORS: Record<string, string> = {
  suspect: "#cbd5e1",
  prospect: "#94a3b8",
  first_time: "#93c5fd",
  repeat: "#3b82f6",
  client: "#1d4ed8",
  member: "#6d28d9",
  advocate: "#a21caf",
  partner: "#be185d",
  disqualified: "#64748b",
  lapsed: "#f59e0b",
  lost: "#dc2626",
};

/** Axis ticks that stay short at any size: 16K, 320M (万, 亿 in Chinese). */
export function useCompact() {
  const format = useFormatter();
  return (v: number) => format.number(v, { notation: "compact" });
}
