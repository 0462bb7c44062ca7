"use client";

import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { StackedPeriodChart } from "@/app/_components/report/charts";
import type { Report, Series } from "@/app/_components/report/series";

type Period = { period: string; counts: Record<string, number> };

/** Counts per month stacked by a key (category, channel, outcome): chart, table and CSV of one declaration. */
export function StackedCard({
  title,
  info,
  csvName,
  periods,
  keys,
  label,
  colors,
}: {
  title: string;
  info: string;
  csvName: string;
  periods: Period[];
  /** Every key the series may hold, in legend order. */
  keys: readonly string[];
  label: (key: string) => string;
  colors?: Record<string, string>;
}) {
  const t = useTranslations("complaintDashboard");
  const present = keys.filter((k) => periods.some((p) => (p.counts[k] ?? 0) > 0));
  const report: Report = {
    rows: periods.map((p) => ({
      period: p.period,
      ...Object.fromEntries(present.map((k) => [k, p.counts[k] ?? 0])),
      total: present.reduce((s, k) => s + (p.counts[k] ?? 0), 0),
    })),
    category: { key: "period", label: t("period"), csv: "month" },
    series: [
      ...present.map((k): Series => ({ key: k, label: label(k), format: "count", color: colors?.[k] })),
      { key: "total", label: t("total"), format: "count", chart: false },
    ],
  };
  return (
    <ChartCard
      title={title}
      info={info}
      csvName={csvName}
      report={report}
      chart={<StackedPeriodChart report={report} label={title} xLabel={t("period")} yLabel={t("count")} />}
    />
  );
}
