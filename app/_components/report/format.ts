"use client";

// The formatters of `formatters.ts` bound to the page's language. Server code imports `formatters.ts` instead
// (a value imported from a client module reaches the server as a client reference).
import { useLocale } from "next-intl";
import { CURRENCY, type Formatter, formatterFor } from "./formatters";

export type { Format, Formatter } from "./formatters";
export { CURRENCY };

/** Money, shares, counts, durations and dates in the reader's language. */
export function useFormat(): Formatter {
  const locale = useLocale();
  return formatterFor(locale);
}

/** Minor units as money in the deployment's currency. */
export function useMoney() {
  return useFormat().money;
}

/** "medium" spells the month (Jan 11, 2026 / 2026年1月11日); "numeric" fits table cells (1/11/2026 / 2026/1/11). */
export function useDate(style: "medium" | "numeric" = "medium") {
  const f = useFormat();
  return (epochMs: number | null | undefined, fallback?: string) => f.date(epochMs, style, fallback);
}

/** Shares as "42.5%", and "—" where a figure has no denominator. */
export function usePercent() {
  return useFormat().percent;
}
