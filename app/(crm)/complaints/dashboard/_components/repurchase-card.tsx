"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import type { AppRouter } from "@/server/root";
import { useLabel } from "./labels";

type Outcomes = inferRouterOutputs<AppRouter>["complaints"]["outcomes"];
type NoComplaint = inferRouterOutputs<AppRouter>["complaints"]["noComplaint"];

/** The literature's rate for customers who never had a problem (TARP). */
const NO_PROBLEM_RATE = 0.83;

/** Repurchase rate per outcome beside the literature's rate, and accounts without a complaint. */
export function RepurchaseCard({ data, base }: { data: Outcomes; base: NoComplaint | undefined }) {
  const t = useTranslations("complaintDashboard");
  const f = useFormat();
  const label = useLabel("outcome");
  const rows = [
    ...data.repurchase.map((r) => ({
      outcome: r.outcome,
      accounts: r.accounts,
      repurchased: r.repurchased,
      rate: r.rate,
      literature: r.literatureRate as number | null,
    })),
    {
      outcome: "noComplaint",
      accounts: base?.accounts ?? 0,
      repurchased: base?.repurchased ?? 0,
      rate: base?.rate ?? null,
      literature: NO_PROBLEM_RATE as number | null,
    },
  ];
  const report: Report = {
    rows,
    category: {
      key: "outcome",
      label: t("outcomeHeader"),
      display: (r) =>
        r.outcome !== "noComplaint"
          ? label(String(r.outcome))
          : base?.rate == null
            ? t("noComplaintPending")
            : t("noComplaint"),
    },
    series: [
      { key: "accounts", label: t("accounts"), format: "count", chart: false },
      { key: "repurchased", label: t("repurchased"), format: "count", chart: false, csv: "bought_again" },
      { key: "rate", label: t("rate"), format: "percent", color: COLORS.good },
      { key: "literature", label: t("literature"), format: "percent", color: COLORS.reference },
    ],
  };
  const mature = f.date(data.matureTo);
  const empty = rows.every((r) => r.accounts === 0);
  return (
    <ChartCard
      title={t("repurchase")}
      info={t("repurchaseFormula", { days: data.repurchaseDays, mature })}
      csvName="repurchase-by-outcome.csv"
      report={report}
      chart={
        <CategoryChart
          report={empty ? { ...report, rows: [] } : report}
          label={t("repurchase")}
          yLabel={t("rate")}
        />
      }
    />
  );
}
