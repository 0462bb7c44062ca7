"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { COLORS, PALETTE } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { EmptyState } from "@/app/_components/ui/card";
import type { AppRouter } from "@/server/root";
import { useLabel } from "./labels";

type Causes = inferRouterOutputs<AppRouter>["complaints"]["causes"];
type Rungs = inferRouterOutputs<AppRouter>["complaints"]["rungs"];

/** What remedies cost, by type: total value as bars, counts and averages in the table. */
export function RemediesCard({ data }: { data: Causes }) {
  const t = useTranslations("complaintDashboard");
  const f = useFormat();
  const label = useLabel("remedy");
  const report: Report = {
    rows: data.remedies,
    category: { key: "type", label: t("remedyType"), csv: "remedy", display: (r) => label(String(r.type)) },
    series: [
      { key: "count", label: t("remedyCount"), format: "count", chart: false },
      { key: "total", label: t("remedyTotal"), format: "money", color: PALETTE[4] },
      { key: "average", label: t("remedyAverage"), format: "money", chart: false },
    ],
  };
  return (
    <ChartCard
      title={t("remedies")}
      info={t("remediesFormula", { total: f.money(data.remedyTotal) })}
      csvName="remedy-cost-by-type.csv"
      report={report}
      chart={
        <CategoryChart
          report={report}
          label={t("remedies")}
          xLabel={t("remedyType")}
          yLabel={t("remedyTotal")}
          height={256}
          empty={<EmptyState title={t("emptyRemedies")} />}
        />
      }
    />
  );
}

/** The rungs complaining accounts stand on now, as shares beside all accounts. */
export function RungsCard({ data, rungLabel }: { data: Rungs; rungLabel: (k: string) => string }) {
  const t = useTranslations("complaintDashboard");
  const report: Report = {
    rows: data.rungs,
    category: { key: "key", label: t("rung"), csv: "rung", display: (r) => rungLabel(String(r.key)) },
    series: [
      {
        key: "complaining",
        label: t("accounts"),
        format: "count",
        chart: false,
        csv: "complaining_accounts",
      },
      {
        key: "complainingShare",
        label: t("complainingShare"),
        format: "percent",
        color: COLORS.bad,
        csv: "complaining_share",
      },
      {
        key: "allShare",
        label: t("allShare"),
        format: "percent",
        color: COLORS.reference,
        csv: "all_accounts_share",
      },
    ],
  };
  return (
    <ChartCard
      title={t("rungs")}
      info={t("rungsFormula", { n: data.complainingAccounts })}
      csvName="complaining-accounts-by-rung.csv"
      report={report}
      chart={
        <CategoryChart
          report={data.complainingAccounts === 0 ? { ...report, rows: [] } : report}
          label={t("rungs")}
          yLabel={t("share")}
          tilt
        />
      }
    />
  );
}
