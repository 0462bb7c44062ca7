"use client";

import { useTranslations } from "next-intl";

/** A root cause in words: the default causes are translated; causes an admin added are shown as typed. */
export function useRootCauseLabel() {
  const t = useTranslations("complaints.rootCause");
  return (key: string | null) => {
    if (!key) return "—";
    const known = key as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : key.replaceAll("_", " ");
  };
}
