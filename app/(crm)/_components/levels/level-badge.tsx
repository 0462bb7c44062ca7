"use client";

import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { Level } from "@/db/schema";

const tones: Record<Level, BadgeTone> = {
  basic: "slate",
  reactive: "blue",
  accountable: "teal",
  proactive: "violet",
  partnership: "amber",
};

export function LevelBadge({ level }: { level: Level | null }) {
  const t = useTranslations("enums.level");
  if (!level) return <span className="text-slate-500">—</span>;
  return <Badge tone={tones[level]}>{t(level)}</Badge>;
}
