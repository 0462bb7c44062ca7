"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { OUTCOME_COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { Card, EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import type { AppRouter } from "@/server/root";
import type { OnDrill } from "./drill";

type Data = inferRouterOutputs<AppRouter>["deals"]["competitors"];
type Competitor = Data["competitors"][number];

/** Lost to which competitors (press a bar for the deals), and the win-back pipeline from reviews. */
export function CompetitorsCard({ data: raw, onDrill }: { data: Data; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  // Names typed that are not on the competitor list come as one "other" bar.
  const data = {
    ...raw,
    competitors: raw.competitors.map((c) => ({
      ...c,
      competitor: c.key === "other" ? t("otherCompetitors") : c.competitor,
    })),
  };
  const tList = useTranslations("deals.list");
  const tReport = useTranslations("report");
  const f = useFormat();
  const report: Report<Competitor> = {
    rows: data.competitors,
    category: { key: "competitor", label: t("competitor") },
    series: [
      { key: "n", label: t("lost"), format: "count", color: OUTCOME_COLORS.lost, csv: "lost_deals" },
      { key: "amount", label: tList("amount"), format: "money", chart: false, csv: "amount" },
    ],
  };
  const drill = (c: Competitor) => onDrill({ kind: "competitor", value: c.key, label: c.competitor });
  return (
    <div className="space-y-5">
      <ChartCard
        title={t("competitors")}
        info={t("competitorsFormula", { total: data.lostTotal })}
        csvName="lost-to-competitors.csv"
        report={report}
        onSelect={drill}
        chart={
          <CategoryChart
            report={report}
            label={t("competitors")}
            horizontal
            yLabel={t("count")}
            empty={<EmptyState title={t("empty")} />}
            onSelect={drill}
            selectLabel={(c) => tReport("selectBar", { label: c.competitor, series: t("lost"), value: c.n })}
          />
        }
      />
      <Card title={t("pipeline")}>
        <p className="mb-2 text-xs text-slate-600">{t("pipelineFormula")}</p>
        <DataTable
          variant="report"
          caption={t("pipeline")}
          rows={data.pipeline}
          rowKey={(p) => p.dealId}
          empty={<p className="text-sm text-slate-600">{t("noPipeline")}</p>}
          columns={[
            {
              key: "deal",
              header: tList("deal"),
              rowHeader: true,
              cell: (p) => (
                <>
                  <Link href={`/deals/${p.dealId}`} className="text-brand-700 hover:underline">
                    {p.title}
                  </Link>
                  <div className="text-xs text-slate-600">{p.accountName}</div>
                </>
              ),
            },
            { key: "amount", header: tList("amount"), align: "right", cell: (p) => f.money(p.amount) },
            { key: "actions", header: t("actions"), align: "right", cell: (p) => f.count(p.actions) },
            { key: "done", header: t("done"), align: "right", cell: (p) => f.count(p.done) },
            {
              key: "overdue",
              header: t("overdue"),
              align: "right",
              cell: (p) => (
                <span className={p.overdue ? "font-semibold text-red-700" : undefined}>
                  {f.count(p.overdue)}
                </span>
              ),
            },
            { key: "nextDue", header: t("nextDue"), cell: (p) => f.date(p.nextDueAt, "numeric") },
          ]}
        />
      </Card>
    </div>
  );
}
