"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { PeriodChart } from "@/app/_components/report/charts";
import { PALETTE } from "@/app/_components/report/colors";
import type { Report } from "@/app/_components/report/series";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";
import { HeadlineTiles } from "./headline-tiles";
import { WinLossSummary } from "./win-loss-summary";

export function OverviewView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.overview");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const overview = useQuery(trpc.executive.overview.queryOptions(range));
  if (overview.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (overview.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const data = overview.data;
  const anything = data.current.activeAccounts + data.prior.activeAccounts + data.current.winBacks > 0;
  const period = { key: "label", label: t(`axisPeriod.${range.grain}`), csv: "period" };
  const rows = anything ? data.periods : [];
  const acquisition: Report = {
    rows,
    category: period,
    series: [
      {
        key: "newAccounts",
        label: t("series.new"),
        format: "count",
        color: PALETTE[1],
        csv: "new_first_time_buyers",
      },
      {
        key: "keptAccounts",
        label: t("series.kept"),
        format: "count",
        color: PALETTE[0],
        csv: "accounts_kept",
      },
      {
        key: "orderedBefore",
        label: t("columns.orderedBefore"),
        format: "count",
        chart: false,
        csv: "ordered_in_period_before",
      },
    ],
  };
  const trends: Report = {
    rows,
    category: period,
    series: [
      {
        key: "activeAccounts",
        label: t("tiles.activeAccounts"),
        format: "count",
        chart: false,
        csv: "active_accounts",
      },
      {
        key: "retention",
        label: t("tiles.retention"),
        format: "percent",
        chart: false,
        csv: "repeat_purchase_retention",
      },
      { key: "defected", label: t("columns.defections"), format: "count", chart: false, csv: "defections" },
      {
        key: "activeAtStart",
        label: t("columns.activeAtStart"),
        format: "count",
        chart: false,
        csv: "active_customers_at_start",
      },
      {
        key: "defectionRate",
        label: t("tiles.defectionRate"),
        format: "percent",
        chart: false,
        csv: "defection_rate",
      },
      { key: "wonBack", label: t("tiles.winBacks"), format: "count", chart: false, csv: "win_backs" },
      { key: "revenue", label: t("tiles.revenue"), format: "money", color: PALETTE[0] },
      { key: "margin", label: t("tiles.margin"), format: "money", color: PALETTE[2] },
      {
        key: "repeatRevenueShare",
        label: t("tiles.repeatRevenueShare"),
        format: "percent",
        chart: false,
        csv: "repeat_revenue_share",
      },
    ],
  };
  const empty = <EmptyState title={t("empty")} />;

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">
        {t("comparing", {
          from: data.range.from,
          to: data.range.to,
          previousFrom: data.previous.from,
          previousTo: data.previous.to,
        })}
      </p>
      {anything ? <HeadlineTiles data={data} /> : <EmptyState title={t("empty")} body={t("emptyBody")} />}
      <WinLossSummary range={range} />
      <ChartCard
        title={t("acquisitionTitle")}
        info={t("acquisitionInfo")}
        csvName={`acquisition-vs-retention-${range.grain}.csv`}
        report={acquisition}
        chart={
          <PeriodChart
            report={acquisition}
            label={t("acquisitionTitle")}
            xLabel={period.label}
            yLabel={t("axisAccounts")}
            empty={empty}
          />
        }
      />
      <ChartCard
        title={t("trendsTitle")}
        info={t("trendsInfo")}
        csvName={`executive-overview-${range.grain}.csv`}
        report={trends}
        chart={
          <PeriodChart
            report={trends}
            label={t("trendsTitle")}
            xLabel={period.label}
            yLabel={t("axisMoney")}
            empty={empty}
          />
        }
      />
    </div>
  );
}
