"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import type { DealStatus } from "@/db/schema";

/** A reason key's label; reasons an admin added to the taxonomy show as written ("late_delivery" → "late delivery"). */
export function useReasonLabel() {
  const t = useTranslations("deals.reasons");
  return (key: string | null | undefined) => {
    if (!key) return "—";
    const known = key as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : key.replaceAll("_", " ");
  };
}

const TONES: Record<DealStatus, BadgeTone> = {
  open: "blue",
  won: "green",
  lost: "red",
  no_decision: "slate",
};

export function DealStatusBadge({ status, stage }: { status: DealStatus; stage?: string }) {
  const t = useTranslations("deals.status");
  const name = useNameLabel();
  return <Badge tone={TONES[status]}>{status === "open" && stage ? name("stage", stage) : t(status)}</Badge>;
}

export const dateInputToMs = (value: string) => (value ? Date.parse(`${value}T12:00:00Z`) : Number.NaN);
export const msToDateInput = (ms: number) => new Date(ms).toISOString().slice(0, 10);
