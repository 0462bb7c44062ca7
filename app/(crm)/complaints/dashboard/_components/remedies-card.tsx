"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useMoney } from "@/app/_components/report/format";
import { EmptyState } from "@/app/_components/ui/card";
import type { AppRouter } from "@/server/root";
import { PALETTE, td, th, useLabel } from "./labels";

type Causes = inferRouterOutputs<AppRouter>["complaints"]["causes"];
type Rungs = inferRouterOutputs<AppRouter>["complaints"]["rungs"];

/** What remedies cost, by type: total value as bars, counts and averages in the table. */
export function RemediesCard({ data }: { data: Causes }) {
  const t = useTranslations("complaintDashboard");
  const money = useMoney();
  const label = useLabel("remedy");
  const rows = data.remedies.map((r) => ({ ...r, label: label(r.type), value: r.total / 100 }));
  return (
    <ChartCard
      title={t("remedies")}
      info={t("remediesFormula", { total: money(data.remedyTotal) })}
      csvName="remedy-cost-by-type.csv"
      csv={[
        ["remedy", "count", "total_minor_units", "average_minor_units"],
        ...data.remedies.map((r) => [
          r.type,
          r.count,
          r.total,
          r.average == null ? null : Math.round(r.average),
        ]),
      ]}
      chart={
        rows.length === 0 ? (
          <EmptyState title={t("emptyRemedies")} />
        ) : (
          <figure aria-label={t("remedies")} className="h-64">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 24, left: 24 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={{ fontSize: 11 }}
                  interval={0}
                  label={{ value: t("remedyType"), position: "insideBottom", offset: -12 }}
                />
                <YAxis label={{ value: t("remedyTotal"), angle: -90, position: "insideLeft", offset: -16 }} />
                <Tooltip formatter={(v) => money(Number(v) * 100)} />
                <Legend verticalAlign="top" />
                <Bar dataKey="value" name={t("remedyTotal")} fill={PALETTE[1]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("remedies")}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t("remedyType")}</th>
              <th className={`${th} text-right`}>{t("remedyCount")}</th>
              <th className={`${th} text-right`}>{t("remedyTotal")}</th>
              <th className={`${th} text-right`}>{t("remedyAverage")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.type}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {r.label}
                </th>
                <td className={`${td} text-right`}>{r.count}</td>
                <td className={`${td} text-right`}>{money(r.total)}</td>
                <td className={`${td} text-right`}>
                  {r.average == null ? "—" : money(Math.round(r.average))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

/** The rungs complaining accounts stand on now, as shares beside all accounts. */
export function RungsCard({ data, rungLabel }: { data: Rungs; rungLabel: (k: string) => string }) {
  const t = useTranslations("complaintDashboard");
  const rows = data.rungs.map((r) => ({
    ...r,
    label: rungLabel(r.key),
    complainingPct: r.complainingShare == null ? 0 : Math.round(r.complainingShare * 1000) / 10,
    allPct: r.allShare == null ? 0 : Math.round(r.allShare * 1000) / 10,
  }));
  return (
    <ChartCard
      title={t("rungs")}
      info={t("rungsFormula", { n: data.complainingAccounts })}
      csvName="complaining-accounts-by-rung.csv"
      csv={[
        ["rung", "complaining_accounts", "complaining_share", "all_accounts_share"],
        ...data.rungs.map((r) => [r.key, r.complaining, r.complainingShare, r.allShare]),
      ]}
      chart={
        data.complainingAccounts === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <figure aria-label={t("rungs")} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 48, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  interval={0}
                  angle={-30}
                  textAnchor="end"
                  tick={{ fontSize: 10 }}
                  height={60}
                />
                <YAxis unit="%" label={{ value: t("share"), angle: -90, position: "insideLeft" }} />
                <Tooltip formatter={(v) => `${v}%`} />
                <Legend verticalAlign="top" />
                <Bar
                  dataKey="complainingPct"
                  name={t("complainingShare")}
                  fill={PALETTE[3]}
                  isAnimationActive={false}
                />
                <Bar dataKey="allPct" name={t("allShare")} fill="#cbd5e1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("rungs")}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t("rung")}</th>
              <th className={`${th} text-right`}>{t("accounts")}</th>
              <th className={`${th} text-right`}>{t("complainingShare")}</th>
              <th className={`${th} text-right`}>{t("allShare")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {r.label}
                </th>
                <td className={`${td} text-right`}>{r.complaining}</td>
                <td className={`${td} text-right`}>{r.complainingPct}%</td>
                <td className={`${td} text-right`}>{r.allPct}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
