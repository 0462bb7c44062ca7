"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { Card, EmptyState } from "@/app/_components/ui/card";
import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import type { AppRouter } from "@/server/root";
import { COLORS, type OnDrill, pct, td, th } from "./drill";
import { DrillRowHeader } from "./drill-row-header";

type Gap = inferRouterOutputs<AppRouter>["deals"]["gap"];

/** The rep-versus-buyer gap: agreement rate, the matrix, claimed-versus-given per reason, and per owner. */
export function GapCard({ gap, onDrill }: { gap: Gap; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  const label = useReasonLabel();
  if (gap.total === 0) {
    return (
      <Card title={t("gap")}>
        <div>
          <EmptyState title={t("emptyReviews")} />
        </div>
      </Card>
    );
  }
  // Only reasons that occur, so the matrix stays readable.
  const used = gap.reasons
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => (gap.perReason[i]?.claimed ?? 0) + (gap.perReason[i]?.given ?? 0) > 0);
  const max = Math.max(1, ...gap.cells.flat());
  const claimedGiven = gap.perReason
    .filter((p) => p.claimed || p.given)
    .map((p) => ({
      ...p,
      label: label(p.reason),
      claimedPct: Math.round(p.claimedShare * 1000) / 10,
      givenPct: Math.round(p.givenShare * 1000) / 10,
    }));

  return (
    <div className="space-y-5">
      <Card title={t("gap")}>
        <div className="space-y-4">
          <p className="text-sm">
            <span className="text-slate-600">{t("agreement")}: </span>
            <strong className="text-2xl tabular-nums text-slate-900" data-testid="agreement-rate">
              {pct(gap.agreementRate)}
            </strong>
          </p>
          <p className="text-xs text-slate-500">{t("agreementFormula", { total: gap.total })}</p>
          <div className="overflow-x-auto">
            <table className="text-sm">
              <caption className="mb-1 text-left text-xs font-medium text-slate-600">{t("matrix")}</caption>
              <thead>
                <tr>
                  <td />
                  {used.map(({ r }) => (
                    <th
                      key={r}
                      scope="col"
                      className="max-w-24 px-2 py-1 text-center text-xs font-medium text-slate-600"
                    >
                      {label(r)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {used.map(({ r, i }) => (
                  <tr key={r}>
                    <th
                      scope="row"
                      className="whitespace-nowrap px-2 py-1 text-left text-xs font-medium text-slate-600"
                    >
                      {label(r)}
                    </th>
                    {used.map(({ r: c, i: j }) => {
                      const n = gap.cells[i]?.[j] ?? 0;
                      const alpha = n / max;
                      return (
                        <td
                          key={c}
                          title={t("matrixCell", { count: n, share: pct(n / gap.total) })}
                          className={`min-w-14 px-2 py-1 text-center tabular-nums ${i === j ? "ring-2 ring-inset ring-emerald-500" : ""}`}
                          style={{
                            backgroundColor: `rgba(29, 78, 216, ${(alpha * 0.7).toFixed(3)})`,
                            color: alpha > 0.5 ? "white" : undefined,
                          }}
                        >
                          {n}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </Card>
      <ChartCard
        title={t("claimedGiven")}
        info={t("claimedGivenFormula")}
        csvName="claimed-vs-given.csv"
        csv={[
          ["reason", "claimed_by_owners", "given_by_buyers", "claimed_share", "given_share"],
          ...claimedGiven.map((p) => [p.reason, p.claimed, p.given, p.claimedShare, p.givenShare]),
        ]}
        chart={
          <figure aria-label={t("claimedGiven")} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={claimedGiven} margin={{ top: 8, right: 8, bottom: 40, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  interval={0}
                  angle={-30}
                  textAnchor="end"
                  tick={{ fontSize: 10 }}
                  height={50}
                />
                <YAxis unit="%" label={{ value: t("share"), angle: -90, position: "insideLeft" }} />
                <Tooltip formatter={(v) => `${v}%`} />
                <Legend verticalAlign="top" />
                <Bar dataKey="claimedPct" name={t("claimed")} fill={COLORS.owner} />
                <Bar dataKey="givenPct" name={t("given")} fill={COLORS.buyer} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        }
        table={
          <table className="min-w-full text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>{t("reason")}</th>
                <th className={`${th} text-right`}>{t("claimed")}</th>
                <th className={`${th} text-right`}>{t("given")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {claimedGiven.map((p) => (
                <tr key={p.reason}>
                  <th scope="row" className={`${td} text-left font-normal`}>
                    {p.label}
                  </th>
                  <td className={`${td} text-right`}>
                    {p.claimed} ({pct(p.claimedShare)})
                  </td>
                  <td className={`${td} text-right`}>
                    {p.given} ({pct(p.givenShare)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <Card title={t("perOwner")}>
        <p className="mb-2 text-xs text-slate-500">{t("perOwnerFormula")}</p>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>{t("owners")}</th>
                <th className={`${th} text-right`}>{t("reviewed")}</th>
                <th className={`${th} text-right`}>{t("agreement")}</th>
                <th className={`${th} text-right`}>{t("priceClaimed")}</th>
                <th className={`${th} text-right`}>{t("priceGiven")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gap.byOwner.map((o) => (
                <tr key={o.ownerId}>
                  <DrillRowHeader
                    label={o.name}
                    onClick={() => onDrill({ kind: "owner", value: o.ownerId, label: o.name })}
                  />
                  <td className={`${td} text-right`}>{o.reviewed}</td>
                  <td className={`${td} text-right`}>{pct(o.agreementRate)}</td>
                  <td className={`${td} text-right`}>{pct(o.priceClaimedShare)}</td>
                  <td className={`${td} text-right`}>{pct(o.priceGivenShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
