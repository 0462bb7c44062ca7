"use client";

import { useTranslations } from "next-intl";
import { parseParams } from "@/lib/system-text";

/** A row whose title the system may have written: its key and parameters beside the stored title. */
export type TitledRow = { title: string; titleKey?: string | null; titleParams?: string | null };

/**
 * The title in the reader's language: a system-written title from the "system" catalog with its parameters;
 * a title a person typed, as typed (issue #12 §7).
 */
export function useTitle() {
  const t = useTranslations("system") as unknown as {
    has(key: string): boolean;
    (key: string, params?: Record<string, string | number>): string;
  };
  return (row: TitledRow) =>
    row.titleKey && t.has(row.titleKey) ? t(row.titleKey, parseParams(row.titleParams)) : row.title;
}
