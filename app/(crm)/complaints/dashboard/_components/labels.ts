"use client";

import { useTranslations } from "next-intl";

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
