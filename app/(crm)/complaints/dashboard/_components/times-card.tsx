"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { PeriodChart } from "@/app/_components/report/charts";
import { PALETTE } from "@/app/_components/report/colors";
import type { Report } from "@/app/_components/report/series";
import type { AppRouter } from "@/server/root";

type Times = inferRouterOutputs<AppRouter>["complaints"]["times"];

/** Median and p90 time to acknowledge and to resolve per month, in hours, and the shares within the promise. */
export function TimesCard({ data }: { data: Times }) {
  const t = useTranslations("complaintDashboard");
  const empty = data.acknowledge.n === 0 && data.resolve.n === 0;
  const report: Report = {
    rows: data.periods,
    category: { key: "period", label: t("period"), csv: "month" },
    series: [
      { key: "ackMedian", label: t("ackMedian"), format: "hours", color: PALETTE[0], csv: "ack_median_h" },
      { key: "ackP90", label: t("ackP90"), format: "hours", color: PALETTE[0], csv: "ack_p90_h" },
      {
        key: "resolveMedian",
        label: t("resolveMedian"),
        format: "hours",
        color: PALETTE[2],
        csv: "resolve_median_h",
      },
      { key: "resolveP90", label: t("resolveP90"), format: "hours", color: PALETTE[2], csv: "resolve_p90_h" },
      { key: "ackWithin", label: t("ackWithin"), format: "percent", chart: false, csv: "ack_within_promise" },
      {
        key: "resolveWithin",
        label: t("resolveWithin"),
        format: "percent",
        chart: false,
        csv: "resolve_within_promise",
      },
    ],
    total: {
      period: t("allMonths"),
      ackMedian: data.acknowledge.median,
      ackP90: data.acknowledge.p90,
      resolveMedian: data.resolve.median,
      resolveP90: data.resolve.p90,
      ackWithin: data.acknowledge.withinPromise,
      resolveWithin: data.resolve.withinPromise,
    },
  };
  return (
    <ChartCard
      title={t("times")}
      info={t("timesFormula")}
      csvName="complaint-times.csv"
      report={report}
      chart={
        <PeriodChart
          report={empty ? { ...report, rows: [] } : report}
          label={t("times")}
          mark="line"
          xLabel={t("period")}
          yLabel={t("hours")}
        />
      }
    />
  );
}
