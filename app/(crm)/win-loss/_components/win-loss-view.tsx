"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo, useState } from "react";
import { useFormat } from "@/app/_components/report/format";
import { type QueryLike, whenLoaded } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { CompetitorsCard } from "./competitors-card";
import { DealsBehind } from "./deals-behind";
import type { Drill } from "./drill";
import { FilterForm } from "./filter-form";
import { type DashboardParams, toInput } from "./filters";
import { GapCard } from "./gap-card";
import { ReasonsCard } from "./reasons-card";
import { WinRateCards } from "./win-rate-cards";

/** The sales lead's dashboard: four procedures for one set of URL filters, and the deals behind a clicked bar. */
export function WinLossView({ params }: { params: DashboardParams }) {
  const t = useTranslations("deals.dashboard");
  const trpc = useTRPC();
  const f = useFormat();
  const input = useMemo(() => toInput(params), [params]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const rates = useQuery(trpc.deals.winRates.queryOptions(input));
  const reasons = useQuery(trpc.deals.reasons.queryOptions(input));
  const gap = useQuery(trpc.deals.gap.queryOptions(input));
  const competitors = useQuery(trpc.deals.competitors.queryOptions(input));
  const section = <T,>(q: QueryLike<T>, render: (d: T) => ReactNode) => whenLoaded(q, t("loading"), render);

  return (
    <div className="space-y-5">
      <FilterForm key={JSON.stringify(params)} params={params} />
      {section(rates, (r) => (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Figure label={t("winRate")} hint={t("winRateFormula")}>
            {f.percent(r.total.winRate)}
          </Figure>
          <Figure label={t("won")}>{r.total.won}</Figure>
          <Figure label={t("lost")}>{r.total.lost}</Figure>
          <Figure label={t("noDecision")}>{r.total.noDecision}</Figure>
        </dl>
      ))}
      {drill ? <DealsBehind input={input} drill={drill} onClose={() => setDrill(null)} /> : null}
      {section(rates, (r) => (
        <WinRateCards data={r} onDrill={setDrill} />
      ))}
      {section(reasons, (r) => (
        <div className="space-y-5">
          <ReasonsCard outcome="lost" owner={r.lost.owner} buyer={r.lost.buyer} onDrill={setDrill} />
          <ReasonsCard outcome="won" owner={r.won.owner} buyer={r.won.buyer} onDrill={setDrill} />
        </div>
      ))}
      {section(gap, (g) => (
        <GapCard gap={g} onDrill={setDrill} />
      ))}
      {section(competitors, (c) => (
        <CompetitorsCard data={c} onDrill={setDrill} />
      ))}
    </div>
  );
}

function Figure({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3" title={hint}>
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}
