"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import type { Report } from "@/app/_components/report/series";
import { Alert, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { ValueRow } from "@/server/executive/value.queries";

export function ValueView() {
  const t = useTranslations("executive.value");
  const tRung = useTranslations("enums.rung");
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const value = useQuery(trpc.executive.value.queryOptions());
  if (value.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (value.isError) return <Alert>{tCommon("states.error")}</Alert>;
  return (
    <div className="space-y-5">
      <ValueCard
        title={t("byRung")}
        rows={value.data.byRung}
        label={(g) => tRung(g as never)}
        csvName="lifetime-value-by-rung.csv"
      />
      <ValueCard
        title={t("byLevel")}
        rows={value.data.byLevel}
        label={(g) => tLevel(g as never)}
        csvName="lifetime-value-by-level.csv"
      />
    </div>
  );
}

function ValueCard({
  title,
  rows,
  label,
  csvName,
}: {
  title: string;
  rows: ValueRow[];
  label: (group: string) => string;
  csvName: string;
}) {
  const t = useTranslations("executive.value");
  const report: Report<ValueRow> = {
    rows,
    category: { key: "group", label: t("columns.group"), display: (r) => label(r.group) },
    series: [
      {
        key: "activeAccounts",
        label: t("columns.activeAccounts"),
        format: "count",
        chart: false,
        csv: "active_accounts",
      },
      { key: "revenue", label: t("columns.revenue"), format: "money", chart: false },
      {
        key: "yearlyMarginPerAccount",
        label: t("columns.yearlyMargin"),
        format: "money",
        chart: false,
        csv: "yearly_margin_per_account",
      },
      {
        key: "defections",
        label: t("columns.defections"),
        format: "count",
        chart: false,
        csv: "defections_12m",
      },
      {
        key: "yearlyDefectionRate",
        label: t("columns.defectionRate"),
        format: "percent",
        chart: false,
        csv: "yearly_defection_rate",
      },
      {
        key: "expectedLifetimeYears",
        label: t("columns.lifetime"),
        format: "decimal",
        chart: false,
        csv: "expected_lifetime_years",
      },
      { key: "lifetimeValue", label: t("columns.clv"), format: "money", csv: "lifetime_value" },
    ],
  };
  return (
    <ChartCard
      title={title}
      info={t("info")}
      csvName={csvName}
      report={report}
      chart={
        <CategoryChart
          report={report}
          label={`${t("chart")}: ${title}`}
          yLabel={t("axisValue")}
          height={256}
        />
      }
    />
  );
}
