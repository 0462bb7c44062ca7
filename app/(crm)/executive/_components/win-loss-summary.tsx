"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePercent } from "@/app/_components/report/format";
import { Card } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";
import { winLossInput } from "./win-loss-range";

/** Win/loss in the overview's range: win rate, outcomes and how often owners and buyers agree, with a link. */
export function WinLossSummary({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("deals.summary");
  const trpc = useTRPC();
  const pct = usePercent();
  const input = winLossInput(range);
  const rates = useQuery(trpc.deals.winRates.queryOptions(input));
  const gap = useQuery(trpc.deals.gap.queryOptions(input));
  const total = rates.data?.total;
  const link = `/win-loss?${new URLSearchParams({ from: input.fromMonth, to: input.toMonth, grain: range.grain })}`;
  return (
    <Card
      title={t("title")}
      actions={
        <Link href={link} className="no-print text-sm text-brand-700 hover:underline">
          {t("open")}
        </Link>
      }
    >
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <Fact label={t("winRate")} value={total?.winRate == null ? "—" : pct(total.winRate)} />
        <Fact label={t("won")} value={total ? String(total.won) : "—"} />
        <Fact label={t("lost")} value={total ? String(total.lost) : "—"} />
        <Fact
          label={t("agreement")}
          value={gap.data?.agreementRate == null ? "—" : pct(gap.data.agreementRate)}
        />
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t("formula")}</p>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
    </div>
  );
}
