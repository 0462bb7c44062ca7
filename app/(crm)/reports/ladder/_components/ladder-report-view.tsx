"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart, PeriodChart } from "@/app/_components/report/charts";
import { FLOW_COLORS, PALETTE, STATUS_COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { FlowKind } from "@/db/schema";
import { sumFlows } from "@/server/reports/ladder-report.rules";
import { PeriodForm } from "./period-form";

const CHART_FLOWS: readonly FlowKind[] = ["down", "lapsed", "lost", "won_back"];
const TABLE_FLOWS: readonly FlowKind[] = ["entered", "up", "down", "lapsed", "lost", "won_back"];

export function LadderReportView({ from, to }: { from: string; to: string }) {
  const t = useTranslations("reports.ladder");
  const tRung = useTranslations("enums.rung");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const f = useFormat();
  const report = useQuery(trpc.reports.ladder.queryOptions({ from, to }));

  const body = () => {
    if (report.isPending) return <Spinner label={tCommon("states.loading")} />;
    if (report.isError) return <Alert>{tCommon("states.error")}</Alert>;
    const { rungs, climbs, flows } = report.data;
    const allAccounts = rungs.reduce((s, r) => s + r.total, 0);
    if (allAccounts === 0) return <EmptyState title={t("empty")} body={t("emptyBody")} />;
    const allRevenue = rungs.reduce((s, r) => s + r.revenue, 0);
    const rungReport: Report = {
      rows: rungs.map((r) => ({
        rung: r.rung,
        ...r.accounts,
        total: r.total,
        revenue: r.revenue,
        share: allRevenue ? r.revenue / allRevenue : null,
      })),
      category: { key: "rung", label: t("columns.rung"), display: (r) => tRung(r.rung as never) },
      series: [
        { key: "active", label: t("columns.active"), format: "count", color: STATUS_COLORS.active },
        { key: "lapsed", label: t("columns.lapsed"), format: "count", color: STATUS_COLORS.lapsed },
        { key: "lost", label: t("columns.lost"), format: "count", color: STATUS_COLORS.lost },
        { key: "total", label: t("columns.total"), format: "count", chart: false, csv: "accounts" },
        { key: "revenue", label: t("columns.revenue"), format: "money", chart: false },
        { key: "share", label: t("columns.share"), format: "percent", chart: false, csv: "revenue_share" },
      ],
    };
    const climbReport: Report = {
      rows: climbs.map((c) => ({ ...c, step: `${c.from}>${c.to}` })),
      category: {
        key: "step",
        label: t("columns.step"),
        display: (c) => `${tRung(c.from as never)} → ${tRung(c.to as never)}`,
      },
      series: [
        { key: "from", label: "from", format: "text", chart: false, table: false },
        { key: "to", label: "to", format: "text", chart: false, table: false },
        { key: "reached", label: t("columns.reached"), format: "count", chart: false },
        { key: "climbed", label: t("columns.climbed"), format: "count", chart: false },
        {
          key: "rate",
          label: t("columns.conversion"),
          format: "percent",
          color: PALETTE[0],
          csv: "conversion",
        },
        { key: "medianMs", label: t("columns.median"), format: "days", chart: false, csv: "median_days" },
      ],
    };
    const flowReport: Report = {
      rows: flows,
      category: { key: "month", label: t("columns.month") },
      series: TABLE_FLOWS.map((k) => ({
        key: k,
        label: t(`flow.${k}`),
        format: "count" as const,
        color: FLOW_COLORS[k],
        chart: CHART_FLOWS.includes(k) ? undefined : (false as const),
      })),
    };
    const totals = sumFlows(flows);

    return (
      <div className="space-y-5">
        <ChartCard
          title={t("rungsTitle")}
          info={t("rungsInfo")}
          csvName="ladder-rungs.csv"
          report={rungReport}
          chart={
            <CategoryChart
              report={rungReport}
              stacked
              label={t("chartAccounts")}
              xLabel={t("axisRung")}
              yLabel={t("axisAccounts")}
            />
          }
        />
        <ChartCard
          title={t("climbsTitle")}
          info={t("climbsInfo")}
          csvName="ladder-climbs.csv"
          report={climbReport}
          chart={
            <CategoryChart report={climbReport} label={t("chartConversion")} yLabel={t("axisPercent")} tilt />
          }
        />
        <ChartCard
          title={t("flowsTitle")}
          info={t("flowsInfo")}
          csvName={`ladder-moves-${from}-${to}.csv`}
          report={flowReport}
          chart={
            <>
              <dl className="mb-3 grid grid-cols-3 gap-2 text-sm sm:grid-cols-6" aria-label={t("totals")}>
                {TABLE_FLOWS.map((k) => (
                  <div key={k} className="rounded-md border border-slate-200 px-3 py-2">
                    <dt className="text-xs text-slate-600">{t(`flow.${k}`)}</dt>
                    <dd className="text-lg font-semibold tabular-nums text-slate-900">
                      {f.count(totals[k])}
                    </dd>
                  </div>
                ))}
              </dl>
              <PeriodChart
                report={flowReport}
                label={t("chartFlows")}
                xLabel={t("axisMonth")}
                yLabel={t("axisMoves")}
                empty={<p className="py-6 text-center text-sm text-slate-600">{t("noMoves")}</p>}
              />
            </>
          }
        />
      </div>
    );
  };

  return (
    <div className="space-y-5">
      <PeriodForm key={`${from}-${to}`} from={from} to={to} />
      {body()}
    </div>
  );
}
