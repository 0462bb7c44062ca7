"use client";

import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { ParetoChart, useParetoReport } from "@/app/_components/report/charts";
import { EmptyState } from "@/app/_components/ui/card";
import type { ParetoBar } from "@/lib/pareto";

/** Root causes or responsible parties as Pareto bars: counts largest first and the running share. */
export function ParetoCard({
  title,
  what,
  bars,
  label,
  csvName,
  color,
}: {
  title: string;
  what: string;
  bars: readonly ParetoBar[];
  label: (key: string) => string;
  csvName: string;
  color?: string;
}) {
  const t = useTranslations("complaintDashboard");
  const report = useParetoReport(bars, {
    what,
    countLabel: t("count"),
    labelOf: label,
    color,
    csv: { key: "key", count: "complaints" },
  });
  return (
    <ChartCard
      title={title}
      info={t("paretoFormula", { what: what.toLocaleLowerCase() })}
      csvName={csvName}
      report={report}
      chart={<ParetoChart report={report} label={title} empty={<EmptyState title={t("emptyCauses")} />} />}
    />
  );
}
