"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart, StackedPeriodChart } from "@/app/_components/report/charts";
import { COLORS, OUTCOME_COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report, Row, Series } from "@/app/_components/report/series";
import { EmptyState } from "@/app/_components/ui/card";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import type { AppRouter } from "@/server/root";
import type { OnDrill } from "./drill";

type WinRates = inferRouterOutputs<AppRouter>["deals"]["winRates"];
type Outcomes = {
  key: string;
  label: string;
  won: number;
  lost: number;
  noDecision: number;
  winRate: number | null;
};

/** Win rate per period (stacked outcomes and the rate line), then by owner and by segment. */
export function WinRateCards({ data, onDrill }: { data: WinRates; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  const name = useNameLabel();
  const tReport = useTranslations("report");
  const f = useFormat();
  const outcomes: Series[] = [
    { key: "won", label: t("won"), format: "count", color: OUTCOME_COLORS.won },
    { key: "lost", label: t("lost"), format: "count", color: OUTCOME_COLORS.lost },
    {
      key: "noDecision",
      label: t("noDecision"),
      format: "count",
      color: OUTCOME_COLORS.noDecision,
      csv: "no_decision",
    },
  ];
  const rate: Series = {
    key: "winRate",
    label: t("winRate"),
    format: "percent",
    color: COLORS.line,
    csv: "win_rate",
  };
  const report = (
    rows: Outcomes[],
    label: string,
    csv: string,
    chartRate: Series["chart"],
  ): Report<Outcomes & Row> => ({
    rows: rows as (Outcomes & Row)[],
    category: { key: "key", label, csv, csvValue: (r) => String(r.label), display: (r) => String(r.label) },
    series: [
      ...outcomes.map((s) => (chartRate === "bar" ? { ...s, chart: false as const } : s)),
      {
        ...rate,
        chart: chartRate,
        axis: chartRate === "line" ? "right" : undefined,
        color: chartRate === "line" ? COLORS.line : COLORS.primary,
      },
    ],
  });
  const selectLabel = (row: Outcomes, s: Series) =>
    tReport("selectBar", {
      label: row.label,
      series: s.label,
      value: f.value(s.format, row[s.key as keyof Outcomes]),
    });
  const periods = report(
    data.periods.map((p) => ({ ...p, key: p.period, label: p.period })),
    t("period"),
    "period",
    "line",
  );
  const owners = report(
    data.byOwner.map((o) => ({ ...o, key: o.ownerId, label: o.name })),
    t("owners"),
    "owner",
    "bar",
  );
  const segments = report(
    data.bySegment.map((s) => ({
      ...s,
      key: s.segment ?? "",
      label: s.segment ? name("segment", s.segment) : t("noSegment"),
    })),
    t("segment"),
    "segment",
    "bar",
  );
  const empty = <EmptyState title={t("empty")} />;
  const byGroup = (kind: "owner" | "segment", r: Report<Outcomes & Row>, title: string, csvName: string) => {
    const drill = (row: Outcomes) => onDrill({ kind, value: row.key, label: row.label });
    return (
      <ChartCard
        title={title}
        info={t("winRateFormula")}
        csvName={csvName}
        report={r}
        onSelect={drill}
        chart={
          <CategoryChart
            report={r}
            label={title}
            horizontal
            yLabel={t("winRate")}
            empty={empty}
            onSelect={drill}
            selectLabel={selectLabel}
          />
        }
      />
    );
  };
  const drillPeriod = (row: Outcomes) => onDrill({ kind: "period", value: row.key, label: row.label });

  return (
    <div className="space-y-5">
      <ChartCard
        title={t("winRateOverTime")}
        info={t("winRateFormula")}
        csvName="win-rate-by-period.csv"
        report={periods}
        onSelect={drillPeriod}
        chart={
          <StackedPeriodChart
            report={
              data.total.won + data.total.lost + data.total.noDecision === 0
                ? { ...periods, rows: [] }
                : periods
            }
            label={t("winRateOverTime")}
            xLabel={t("period")}
            yLabel={t("deals")}
            yRightLabel={t("winRate")}
            empty={empty}
            onSelect={drillPeriod}
            selectLabel={selectLabel}
          />
        }
      />
      <div className="grid gap-5 lg:grid-cols-2">
        {byGroup("owner", owners, t("byOwner"), "win-rate-by-owner.csv")}
        {byGroup("segment", segments, t("bySegment"), "win-rate-by-segment.csv")}
      </div>
    </div>
  );
}
