"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useMoney } from "@/app/_components/report/format";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { FlowKind } from "@/db/schema";
import { sumFlows } from "@/server/reports/ladder-report.rules";
import { PeriodForm } from "./period-form";

const STATUS_COLORS = { active: "#16a34a", lapsed: "#d97706", lost: "#dc2626" } as const;
const FLOW_COLORS: Partial<Record<FlowKind, string>> = {
  down: "#7c3aed",
  lapsed: "#d97706",
  lost: "#dc2626",
  won_back: "#2563eb",
};
const CHART_FLOWS = ["down", "lapsed", "lost", "won_back"] as const;
const TABLE_FLOWS: readonly FlowKind[] = ["entered", "up", "down", "lapsed", "lost", "won_back"];
const DAY_MS = 86_400_000;

const th = "px-2 py-1.5 font-medium";
const td = "px-2 py-1.5 tabular-nums";

export function LadderReportView({ from, to }: { from: string; to: string }) {
  const t = useTranslations("reports.ladder");
  const tRung = useTranslations("enums.rung");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const report = useQuery(trpc.reports.ladder.queryOptions({ from, to }));

  const body = () => {
    if (report.isPending) return <Spinner label={tCommon("states.loading")} />;
    if (report.isError) return <Alert>{tCommon("states.error")}</Alert>;
    const { rungs, climbs, flows } = report.data;
    const allAccounts = rungs.reduce((s, r) => s + r.total, 0);
    if (allAccounts === 0) return <EmptyState title={t("empty")} body={t("emptyBody")} />;
    const allRevenue = rungs.reduce((s, r) => s + r.revenue, 0);
    const pct = (x: number | null) => (x === null ? t("none") : `${(x * 100).toFixed(1)}%`);
    const days = (ms: number | null) =>
      ms === null ? t("none") : t("days", { count: Math.round(ms / DAY_MS) });
    const rungData = rungs.map((r) => ({ name: tRung(r.rung), ...r.accounts }));
    const climbData = climbs.map((c) => ({
      name: `${tRung(c.from)} → ${tRung(c.to)}`,
      conversion: c.rate === null ? 0 : Math.round(c.rate * 1000) / 10,
    }));
    const totals = sumFlows(flows);
    const anyMoves = TABLE_FLOWS.some((k) => totals[k] > 0);

    return (
      <div className="space-y-5">
        <ChartCard
          title={t("rungsTitle")}
          info={t("rungsInfo")}
          csvName={`ladder-rungs.csv`}
          csv={[
            ["rung", "active", "lapsed", "lost", "accounts", "revenue_minor_units"],
            ...rungs.map((r) => [
              r.rung,
              r.accounts.active,
              r.accounts.lapsed,
              r.accounts.lost,
              r.total,
              r.revenue,
            ]),
          ]}
          chart={
            <figure aria-label={t("chartAccounts")}>
              <div className="h-72">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={rungData} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis
                      dataKey="name"
                      interval={0}
                      tick={{ fontSize: 11 }}
                      label={{ value: t("axisRung"), position: "insideBottom", offset: -16, fontSize: 12 }}
                    />
                    <YAxis
                      allowDecimals={false}
                      tick={{ fontSize: 11 }}
                      label={{ value: t("axisAccounts"), angle: -90, position: "insideLeft", fontSize: 12 }}
                    />
                    <Tooltip />
                    <Legend verticalAlign="top" height={28} />
                    {(["active", "lapsed", "lost"] as const).map((s) => (
                      <Bar key={s} dataKey={s} name={t(`columns.${s}`)} stackId="a" fill={STATUS_COLORS[s]} />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <figcaption className="sr-only">{t("chartAccounts")}</figcaption>
            </figure>
          }
          table={
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("rungsTitle")}</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    {t("columns.rung")}
                  </th>
                  {(["active", "lapsed", "lost", "total", "revenue", "share"] as const).map((c) => (
                    <th key={c} scope="col" className={`${th} text-right`}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rungs.map((r) => (
                  <tr key={r.rung} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-2 py-1.5 font-normal">
                      {tRung(r.rung)}
                    </th>
                    <td className={`${td} text-right`}>{r.accounts.active}</td>
                    <td className={`${td} text-right`}>{r.accounts.lapsed}</td>
                    <td className={`${td} text-right`}>{r.accounts.lost}</td>
                    <td className={`${td} text-right`}>{r.total}</td>
                    <td className={`${td} text-right`}>{money(r.revenue)}</td>
                    <td className={`${td} text-right`}>{pct(allRevenue ? r.revenue / allRevenue : null)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <ChartCard
          title={t("climbsTitle")}
          info={t("climbsInfo")}
          csvName="ladder-climbs.csv"
          csv={[
            ["from", "to", "reached", "climbed", "conversion", "median_days"],
            ...climbs.map((c) => [
              c.from,
              c.to,
              c.reached,
              c.climbed,
              c.rate === null ? "" : c.rate.toFixed(4),
              c.medianMs === null ? "" : (c.medianMs / DAY_MS).toFixed(1),
            ]),
          ]}
          chart={
            <figure aria-label={t("chartConversion")}>
              <div className="h-72">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={climbData} margin={{ top: 8, right: 16, bottom: 8, left: 24 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis
                      dataKey="name"
                      interval={0}
                      angle={-18}
                      textAnchor="end"
                      height={64}
                      tick={{ fontSize: 10 }}
                    />
                    <YAxis
                      domain={[0, 100]}
                      tick={{ fontSize: 11 }}
                      label={{ value: t("axisPercent"), angle: -90, position: "insideLeft", fontSize: 12 }}
                    />
                    <Tooltip formatter={(v) => `${v}%`} />
                    <Legend verticalAlign="top" height={28} />
                    <Bar dataKey="conversion" name={t("columns.conversion")} fill="#2563eb" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </figure>
          }
          table={
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("climbsTitle")}</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    {t("columns.step")}
                  </th>
                  {(["reached", "climbed", "conversion", "median"] as const).map((c) => (
                    <th key={c} scope="col" className={`${th} text-right`}>
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {climbs.map((c) => (
                  <tr key={c.from} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-2 py-1.5 font-normal">
                      {tRung(c.from)} → {tRung(c.to)}
                    </th>
                    <td className={`${td} text-right`}>{c.reached}</td>
                    <td className={`${td} text-right`}>{c.climbed}</td>
                    <td className={`${td} text-right`}>{pct(c.rate)}</td>
                    <td className={`${td} text-right`}>{days(c.medianMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />

        <ChartCard
          title={t("flowsTitle")}
          info={t("flowsInfo")}
          csvName={`ladder-moves-${from}-${to}.csv`}
          csv={[["month", ...TABLE_FLOWS], ...flows.map((f) => [f.month, ...TABLE_FLOWS.map((k) => f[k])])]}
          chart={
            <figure aria-label={t("chartFlows")}>
              <dl className="mb-3 grid grid-cols-3 gap-2 text-sm sm:grid-cols-6" aria-label={t("totals")}>
                {TABLE_FLOWS.map((k) => (
                  <div key={k} className="rounded-md border border-slate-200 px-3 py-2">
                    <dt className="text-xs text-slate-500">{t(`flow.${k}`)}</dt>
                    <dd className="text-lg font-semibold tabular-nums text-slate-900">{totals[k]}</dd>
                  </div>
                ))}
              </dl>
              {anyMoves ? (
                <div className="h-72">
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart data={flows} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis
                        dataKey="month"
                        tick={{ fontSize: 11 }}
                        label={{ value: t("axisMonth"), position: "insideBottom", offset: -16, fontSize: 12 }}
                      />
                      <YAxis
                        allowDecimals={false}
                        tick={{ fontSize: 11 }}
                        label={{ value: t("axisMoves"), angle: -90, position: "insideLeft", fontSize: 12 }}
                      />
                      <Tooltip />
                      <Legend verticalAlign="top" height={28} />
                      {CHART_FLOWS.map((k) => (
                        <Bar key={k} dataKey={k} name={t(`flow.${k}`)} fill={FLOW_COLORS[k]} />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              ) : (
                <p className="py-6 text-center text-sm text-slate-500">{t("noMoves")}</p>
              )}
            </figure>
          }
          table={
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("flowsTitle")}</caption>
              <thead className="border-b border-slate-200 text-xs text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    {t("columns.month")}
                  </th>
                  {TABLE_FLOWS.map((k) => (
                    <th key={k} scope="col" className={`${th} text-right`}>
                      {t(`flow.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {flows.map((f) => (
                  <tr key={f.month} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-2 py-1.5 font-normal tabular-nums">
                      {f.month}
                    </th>
                    {TABLE_FLOWS.map((k) => (
                      <td key={k} className={`${td} text-right`}>
                        {f[k]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
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
