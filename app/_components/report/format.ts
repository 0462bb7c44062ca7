"use client";

import { useFormatter } from "next-intl";

/** Amounts are stored in integer minor units (cents, fen); the currency is one per deployment. */
export const CURRENCY = process.env.NEXT_PUBLIC_CURRENCY ?? "USD";

export function useMoney() {
  const format = useFormatter();
  return (minor: number) => format.number(minor / 100, { style: "currency", currency: CURRENCY });
}

/** "medium" spells the month (Jan 11, 2026 / 2026年1月11日); "numeric" fits table cells (1/11/2026 / 2026/1/11). */
export function useDate(style: "medium" | "numeric" = "medium") {
  const format = useFormatter();
  const options =
    style === "medium"
      ? ({ dateStyle: "medium" } as const)
      : ({ year: "numeric", month: "numeric", day: "numeric" } as const);
  return (epochMs: number | null | undefined, fallback = "—") =>
    epochMs == null ? fallback : format.dateTime(new Date(epochMs), options);
}
