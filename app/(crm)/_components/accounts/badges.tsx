"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { AccountStatus, Rung } from "@/db/schema";

const RUNG_TONES: Record<Rung, BadgeTone> = {
  suspect: "slate",
  prospect: "blue",
  disqualified: "red",
  first_time: "teal",
  repeat: "green",
  client: "violet",
  member: "violet",
  advocate: "amber",
  partner: "amber",
};

const STATUS_TONES: Record<AccountStatus, BadgeTone> = { active: "green", lapsed: "amber", lost: "red" };

export function RungBadge({ rung }: { rung: Rung }) {
  const t = useTranslations("enums.rung");
  return <Badge tone={RUNG_TONES[rung]}>{t(rung)}</Badge>;
}

export function StatusBadge({ status }: { status: AccountStatus }) {
  const t = useTranslations("enums.status");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}
