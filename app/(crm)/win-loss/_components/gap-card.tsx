"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { PALETTE } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import { MatrixTable } from "@/app/_components/report/matrix-table";
import type { Report } from "@/app/_components/report/series";
import { Card, EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import type { AppRouter } from "@/server/root";
import type { OnDrill } from "./drill";

type Gap = inferRouterOutputs<AppRouter>["deals"]["gap"];

/** The rep-versus-buyer gap: agreement rate, the matrix, claimed-versus-given per reason, and per owner. */
export function GapCard({ gap, onDrill }: { gap: Gap; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  const f = useFormat();
  const label = useReasonLabel();
  if (gap.total === 0) {
    return (
      <Card title={t("gap")}>
        <EmptyState title={t("emptyReviews")} />
      </Card>
    );
  }
  // Only reasons that occur, so the matrix stays readable.
  const used = gap.reasons
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => (gap.perReason[i]?.claimed ?? 0) + (gap.perReason[i]?.given ?? 0) > 0);
  const axis = used.map(({ r }) => ({ key: r, label: label(r) }));
  const claimedGiven: Report = {
    rows: gap.perReason.filter((p) => p.claimed || p.given),
    category: { key: "reason", label: t("reason"), display: (r) => label(String(r.reason)) },
    series: [
      { key: "claimed", label: t("claimed"), format: "count", chart: false, csv: "claimed_by_owners" },
      {
        key: "claimedShare",
        label: t("claimedShare"),
        format: "percent",
        color: PALETTE[1],
        csv: "claimed_share",
      },
      { key: "given", label: t("given"), format: "count", chart: false, csv: "given_by_buyers" },
      { key: "givenShare", label: t("givenShare"), format: "percent", color: PALETTE[0], csv: "given_share" },
    ],
  };

  return (
    <div className="space-y-5">
      <Card title={t("gap")}>
        <div className="space-y-4">
          <p className="text-sm">
            <span className="text-slate-600">{t("agreement")}: </span>
            <strong className="text-2xl tabular-nums text-slate-900" data-testid="agreement-rate">
              {f.percent(gap.agreementRate)}
            </strong>
          </p>
          <p className="text-xs text-slate-600">{t("agreementFormula", { total: gap.total })}</p>
          <MatrixTable
            caption={t("matrix")}
            rows={axis}
            columns={axis}
            value={(r, c) => gap.cells[used[r]?.i ?? 0]?.[used[c]?.i ?? 0] ?? 0}
            detail={(r, c) => {
              const n = gap.cells[used[r]?.i ?? 0]?.[used[c]?.i ?? 0] ?? 0;
              return t("matrixCell", { count: n, share: f.percent(n / gap.total) });
            }}
            outlineDiagonal
          />
          <p className="text-xs text-slate-600">{t("matrixLegend")}</p>
        </div>
      </Card>
      <ChartCard
        title={t("claimedGiven")}
        info={t("claimedGivenFormula")}
        csvName="claimed-vs-given.csv"
        report={claimedGiven}
        chart={<CategoryChart report={claimedGiven} label={t("claimedGiven")} yLabel={t("share")} tilt />}
      />
      <Card title={t("perOwner")}>
        <p className="mb-2 text-xs text-slate-600">{t("perOwnerFormula")}</p>
        <DataTable
          variant="report"
          caption={t("perOwner")}
          rows={gap.byOwner}
          rowKey={(o) => o.ownerId}
          columns={[
            {
              key: "owner",
              header: t("owners"),
              rowHeader: true,
              cell: (o) => (
                <button
                  type="button"
                  className="text-left text-brand-700 hover:underline"
                  onClick={() => onDrill({ kind: "owner", value: o.ownerId, label: o.name })}
                >
                  {o.name}
                </button>
              ),
            },
            { key: "reviewed", header: t("reviewed"), align: "right", cell: (o) => f.count(o.reviewed) },
            {
              key: "agreement",
              header: t("agreement"),
              align: "right",
              cell: (o) => f.percent(o.agreementRate),
            },
            {
              key: "priceClaimed",
              header: t("priceClaimed"),
              align: "right",
              cell: (o) => f.percent(o.priceClaimedShare),
            },
            {
              key: "priceGiven",
              header: t("priceGiven"),
              align: "right",
              cell: (o) => f.percent(o.priceGivenShare),
            },
          ]}
        />
      </Card>
    </div>
  );
}
