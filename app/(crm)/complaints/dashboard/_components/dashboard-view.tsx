"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo } from "react";
import { COMPLAINT_OUTCOME_COLORS, PALETTE } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import { type QueryLike, whenLoaded } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from "@/db/schema";
import { OUTCOMES } from "@/server/complaints/sla.rules";
import { FilterForm } from "./filter-form";
import { type DashboardParams, toInput } from "./filters";
import { useLabel, useRungLabel } from "./labels";
import { ParetoCard } from "./pareto-card";
import { RemediesCard, RungsCard } from "./remedies-card";
import { RepurchaseCard } from "./repurchase-card";
import { StackedCard } from "./stacked-card";
import { TimesCard } from "./times-card";

/** The complaints dashboard: four procedures for one set of URL filters; every figure is computed on the server. */
export function ComplaintsDashboardView({ params }: { params: DashboardParams }) {
  const t = useTranslations("complaintDashboard");
  const trpc = useTRPC();
  const input = useMemo(() => toInput(params), [params]);
  const volume = useQuery(trpc.complaints.volume.queryOptions(input));
  const times = useQuery(trpc.complaints.times.queryOptions(input));
  const outcomes = useQuery(trpc.complaints.outcomes.queryOptions(input));
  const noComplaint = useQuery(trpc.complaints.noComplaint.queryOptions(input));
  const causes = useQuery(trpc.complaints.causes.queryOptions(input));
  const rungs = useQuery(trpc.complaints.rungs.queryOptions(input));
  const channel = useLabel("channels");
  const category = useLabel("categories");
  const outcome = useLabel("outcome");
  const cause = useLabel("rootCause");
  const party = useLabel("parties_");
  const rung = useRungLabel();
  const f = useFormat();
  const section = <T,>(q: QueryLike<T>, render: (d: T) => ReactNode) => whenLoaded(q, t("loading"), render);

  return (
    <div className="space-y-5">
      <FilterForm key={JSON.stringify(params)} params={params} />
      {section(times, (tm) => (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Figure label={t("figures.total")}>{volume.data?.total ?? "…"}</Figure>
          <Figure label={t("figures.ackMedian")}>{f.hours(tm.acknowledge.median)}</Figure>
          <Figure label={t("figures.ackWithin")}>{f.percent(tm.acknowledge.withinPromise)}</Figure>
          <Figure label={t("figures.resolveMedian")}>{f.hours(tm.resolve.median)}</Figure>
          <Figure label={t("figures.resolveWithin")}>{f.percent(tm.resolve.withinPromise)}</Figure>
        </dl>
      ))}
      {section(outcomes, (o) => (
        <div className="grid gap-5 xl:grid-cols-2">
          <RepurchaseCard data={o} base={noComplaint.data} />
          <StackedCard
            title={t("outcomeMix")}
            info={t("outcomeFormula")}
            csvName="complaint-outcomes-by-month.csv"
            periods={o.periods}
            keys={[...OUTCOMES, "pending"]}
            label={outcome}
            colors={COMPLAINT_OUTCOME_COLORS}
          />
        </div>
      ))}
      {section(volume, (v) => (
        <div className="grid gap-5 xl:grid-cols-2">
          <StackedCard
            title={t("volumeByCategory")}
            info={t("volumeFormula", { by: t("category").toLocaleLowerCase() })}
            csvName="complaints-by-category.csv"
            periods={v.byCategory}
            keys={COMPLAINT_CATEGORIES}
            label={category}
          />
          <StackedCard
            title={t("volumeByChannel")}
            info={t("volumeFormula", { by: t("channel").toLocaleLowerCase() })}
            csvName="complaints-by-channel.csv"
            periods={v.byChannel}
            keys={COMPLAINT_CHANNELS}
            label={channel}
          />
        </div>
      ))}
      {section(times, (tm) => (
        <TimesCard data={tm} />
      ))}
      {section(causes, (c) => (
        <div className="space-y-5">
          <div className="grid gap-5 xl:grid-cols-2">
            <ParetoCard
              title={t("rootCauses")}
              what={t("cause")}
              bars={c.rootCauses}
              label={cause}
              csvName="complaint-root-causes.csv"
            />
            <ParetoCard
              title={t("parties")}
              what={t("party")}
              bars={c.responsibleParties}
              label={party}
              csvName="complaint-responsible-parties.csv"
              color={PALETTE[3]}
            />
          </div>
          <div className="grid gap-5 xl:grid-cols-2">
            <RemediesCard data={c} />
            {section(rungs, (r) => (
              <RungsCard data={r} rungLabel={rung} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}
