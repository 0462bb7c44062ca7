"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useMoney } from "@/app/_components/report/format";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";
import { useCompact, usePercent } from "./format";
import { HeadlineTiles } from "./headline-tiles";
import { WinLossSummary } from "./win-loss-summary";

const th = "px-2 py-1.5 font-medium";
const td = "px-2 py-1.5 text-right tabular-nums";

export function OverviewView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.overview");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const compact = useCompact();
  const money = useMoney();
  const pct = usePercent();
  const overview = useQuery(trpc.executive.overview.queryOptions(range));
  if (overview.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (overview.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const data = overview.data;
  const periods = data.periods;
  const anything = data.current.activeAccounts + data.prior.activeAccounts + data.current.winBacks > 0;
  const axisPeriod = {
    value: t(`axisPeriod.${range.grain}`),
    position: "insideBottom",
    offset: -12,
    fontSize: 12,
  } as const;

  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">
        {t("comparing", {
          from: data.range.from,
          to: data.range.to,
          previousFrom: data.previous.from,
          previousTo: data.previous.to,
        })}
      </p>
      {anything ? <HeadlineTiles data={data} /> : <EmptyState title={t("empty")} body={t("emptyBody")} />}
      <WinLossSummary range={range} />
      <ChartCard
        title={t("acquisitionTitle")}
        info={t("acquisitionInfo")}
        csvName={`acquisition-vs-retention-${range.grain}.csv`}
        csv={[
          ["period", "new_first_time_buyers", "accounts_kept", "ordered_in_period_before"],
          ...periods.map((p) => [p.label, p.newAccounts, p.keptAccounts, p.orderedBefore]),
        ]}
        chart={
          anything ? (
            <div className="h-72" role="img" aria-label={t("acquisitionTitle")}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={periods.map((p) => ({ label: p.label, new: p.newAccounts, kept: p.keptAccounts }))}
                  margin={{ top: 8, right: 16, bottom: 24, left: 16 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} label={axisPeriod} />
                  <YAxis
                    tickFormatter={compact}
                    allowDecimals={false}
                    tick={{ fontSize: 11 }}
                    label={{ value: t("axisAccounts"), angle: -90, position: "insideLeft", fontSize: 12 }}
                  />
                  <Tooltip />
                  <Legend itemSorter={null} verticalAlign="top" height={28} />
                  <Bar dataKey="new" name={t("series.new")} fill="#93c5fd" isAnimationActive={false} />
                  <Bar dataKey="kept" name={t("series.kept")} fill="#1d4ed8" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <EmptyState title={t("empty")} />
          )
        }
        table={
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("acquisitionTitle")}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t(`axisPeriod.${range.grain}`)}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("series.new")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("series.kept")}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t("columns.orderedBefore")}
                </th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.period} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    {p.label}
                  </th>
                  <td className={td}>{p.newAccounts.toLocaleString()}</td>
                  <td className={td}>{p.keptAccounts.toLocaleString()}</td>
                  <td className={td}>{p.orderedBefore.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        title={t("trendsTitle")}
        info={t("trendsInfo")}
        csvName={`executive-overview-${range.grain}.csv`}
        csv={[
          [
            "period",
            "active_accounts",
            "repeat_purchase_retention",
            "defections",
            "active_customers_at_start",
            "defection_rate",
            "win_backs",
            "revenue_minor",
            "margin_minor",
            "repeat_revenue_share",
          ],
          ...periods.map((p) => [
            p.label,
            p.activeAccounts,
            p.retention ?? "",
            p.defected,
            p.activeAtStart,
            p.defectionRate ?? "",
            p.wonBack,
            p.revenue,
            p.margin,
            p.repeatRevenueShare ?? "",
          ]),
        ]}
        chart={
          anything ? (
            <div className="h-72" role="img" aria-label={t("trendsTitle")}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={periods.map((p) => ({
                    label: p.label,
                    revenue: p.revenue / 100,
                    margin: p.margin / 100,
                  }))}
                  margin={{ top: 8, right: 16, bottom: 24, left: 24 }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} label={axisPeriod} />
                  <YAxis
                    tickFormatter={compact}
                    tick={{ fontSize: 11 }}
                    label={{ value: t("axisMoney"), angle: -90, position: "insideLeft", fontSize: 12 }}
                  />
                  <Tooltip formatter={(v) => money(Math.round(Number(v) * 100))} />
                  <Legend itemSorter={null} verticalAlign="top" height={28} />
                  <Bar dataKey="revenue" name={t("tiles.revenue")} fill="#3b82f6" isAnimationActive={false} />
                  <Bar dataKey="margin" name={t("tiles.margin")} fill="#16a34a" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <EmptyState title={t("empty")} />
          )
        }
        table={
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("trendsTitle")}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t(`axisPeriod.${range.grain}`)}
                </th>
                {(
                  [
                    "activeAccounts",
                    "retention",
                    "defectionRate",
                    "winBacks",
                    "revenue",
                    "margin",
                    "repeatRevenueShare",
                  ] as const
                ).map((c) => (
                  <th key={c} scope="col" className={`${th} text-right`}>
                    {t(`tiles.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.period} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    {p.label}
                  </th>
                  <td className={td}>{p.activeAccounts.toLocaleString()}</td>
                  <td className={td}>{pct(p.retention)}</td>
                  <td className={td}>
                    {pct(p.defectionRate)} ({p.defected}/{p.activeAtStart})
                  </td>
                  <td className={td}>{p.wonBack.toLocaleString()}</td>
                  <td className={td}>{money(p.revenue)}</td>
                  <td className={td}>{money(p.margin)}</td>
                  <td className={td}>{pct(p.repeatRevenueShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}
