"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { PeriodChart, StackedPeriodChart } from "@/app/_components/report/charts";
import { BAND_COLORS, FLOW_COLORS } from "@/app/_components/report/colors";
import type { Report } from "@/app/_components/report/series";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { STACK_BANDS } from "@/server/executive/trends.rules";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";

const FLOWS = ["up", "down", "off", "wonBack"] as const;
const FLOW_CSV: Record<(typeof FLOWS)[number], string> = {
  up: "up",
  down: "down",
  off: "off_lapsed_or_lost",
  wonBack: "won_back",
};

export function LadderView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.ladder");
  const tRung = useTranslations("enums.rung");
  const tStatus = useTranslations("enums.status");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const ladder = useQuery(trpc.executive.ladder.queryOptions(range));
  if (ladder.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (ladder.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const { stack, flows } = ladder.data;
  const bandName = (b: string) => (b === "lapsed" || b === "lost" ? tStatus(b) : tRung(b as never));
  const period = { key: "label", label: t(`axisPeriod.${range.grain}`), csv: "period" };
  const bands: Report = {
    rows: stack,
    category: period,
    series: STACK_BANDS.map((b) => ({ key: b, label: bandName(b), format: "count", color: BAND_COLORS[b] })),
  };
  const moves: Report = {
    rows: flows,
    category: period,
    series: FLOWS.map((k) => ({
      key: k,
      label: t(`flows.${k}`),
      format: "count",
      color: FLOW_COLORS[k],
      csv: FLOW_CSV[k],
    })),
  };

  return (
    <div className="space-y-5">
      <ChartCard
        title={t("stackTitle")}
        info={t("stackInfo")}
        csvName={`ladder-over-time-${range.grain}.csv`}
        report={bands}
        chart={
          <StackedPeriodChart
            report={bands}
            mark="area"
            label={t("stackTitle")}
            xLabel={period.label}
            yLabel={t("axisAccounts")}
            height={320}
            empty={<EmptyState title={t("empty")} body={t("emptyBody")} />}
          />
        }
      />
      <ChartCard
        title={t("flowsTitle")}
        info={t("flowsInfo")}
        csvName={`ladder-flows-${range.grain}.csv`}
        report={moves}
        chart={
          <PeriodChart
            report={moves}
            label={t("flowsTitle")}
            xLabel={period.label}
            yLabel={t("axisAccounts")}
            empty={<EmptyState title={t("noMoves")} />}
          />
        }
      />
    </div>
  );
}
