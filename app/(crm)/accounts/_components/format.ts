"use client";

import { useFormatter } from "next-intl";

/** Amounts are stored in integer minor units (cents, fen); the currency is one per deployment. */
export const CURRENCY = process.env.NEXT_PUBLIC_CURRENCY ?? "USD";

export function useMoney() {
  const format = useFormatter();
  return (minor: number) => format.number(minor / 100, { style: "currency", currency: CURRENCY });
}

export function useDate() {
  const format = useFormatter();
  return (epochMs: number | null | undefined, fallback = "—") =>
    epochMs == null ? fallback : format.dateTime(new Date(epochMs), { dateStyle: "medium" });
}
