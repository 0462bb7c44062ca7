"use client";

import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { ParetoChart, useParetoReport } from "@/app/_components/report/charts";
import { OUTCOME_COLORS, PALETTE } from "@/app/_components/report/colors";
import { ReportTable } from "@/app/_components/report/report-table";
import { EmptyState } from "@/app/_components/ui/card";
import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import type { ParetoBar } from "@/lib/pareto";
import type { OnDrill } from "./drill";

/** Reasons for one outcome as two Pareto charts side by side: what owners said, what buyers told the reviewer. */
export function ReasonsCard({
  outcome,
  owner,
  buyer,
  onDrill,
}: {
  outcome: "won" | "lost";
  owner: readonly ParetoBar[];
  buyer: readonly ParetoBar[];
  onDrill: OnDrill;
}) {
  const t = useTranslations("deals.dashboard");
  const tReport = useTranslations("report");
  const label = useReasonLabel();
  const title = outcome === "lost" ? t("reasonsLost") : t("reasonsWon");
  const sides = {
    owner: useParetoReport(owner, {
      what: t("reason"),
      countLabel: t("count"),
      labelOf: label,
      color: OUTCOME_COLORS[outcome],
    }),
    buyer: useParetoReport(buyer, {
      what: t("reason"),
      countLabel: t("count"),
      labelOf: label,
      color: PALETTE[0],
    }),
  };
  const nameOf = (who: "owner" | "buyer") => (who === "owner" ? t("ownerSays") : t("buyerSays"));
  const drill = (who: "owner" | "buyer") => (b: ParetoBar) =>
    onDrill({
      kind: who === "owner" ? "ownerReason" : "buyerReason",
      value: b.key,
      outcome,
      label: `${title} · ${nameOf(who)} · ${label(b.key)}`,
    });
  const sideChart = (who: "owner" | "buyer") => (
    <div className="min-w-0">
      <h3 className="mb-1 text-xs font-medium text-slate-600">{nameOf(who)}</h3>
      <ParetoChart
        report={sides[who]}
        label={`${title}: ${nameOf(who)}`}
        height={256}
        onSelect={drill(who)}
        selectLabel={(b) => tReport("selectBar", { label: label(b.key), series: t("count"), value: b.count })}
        empty={<EmptyState title={who === "owner" ? t("empty") : t("emptyReviews")} />}
      />
    </div>
  );
  return (
    <ChartCard
      title={title}
      info={t("paretoFormula")}
      csvName={`${outcome}-reasons.csv`}
      csv={[
        ["source", "reason", "deals", "share", "running_share"],
        ...owner.map((b) => ["owner", b.key, b.count, b.share, b.cumulative]),
        ...buyer.map((b) => ["buyer", b.key, b.count, b.share, b.cumulative]),
      ]}
      chart={
        <div className="grid gap-4 md:grid-cols-2">
          {sideChart("owner")}
          {sideChart("buyer")}
        </div>
      }
      table={
        <div className="grid gap-4 md:grid-cols-2">
          {(["owner", "buyer"] as const).map((who) => (
            <ReportTable
              key={who}
              report={sides[who]}
              caption={nameOf(who)}
              captionVisible
              onSelect={drill(who)}
            />
          ))}
        </div>
      }
    />
  );
}
