"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { EmptyState } from "@/app/_components/ui/card";
import { PALETTE, td, th } from "./labels";

type Period = { period: string; counts: Record<string, number> };

/** Counts per month stacked by a key (category, channel, outcome): chart, table and CSV of the same series. */
export function StackedCard({
  title,
  info,
  csvName,
  periods,
  keys,
  label,
  colors,
}: {
  title: string;
  info: string;
  csvName: string;
  periods: Period[];
  /** Every key the series may hold, in legend order. */
  keys: readonly string[];
  label: (key: string) => string;
  colors?: Record<string, string>;
}) {
  const t = useTranslations("complaintDashboard");
  const present = keys.filter((k) => periods.some((p) => (p.counts[k] ?? 0) > 0));
  const total = (p: Period) => present.reduce((s, k) => s + (p.counts[k] ?? 0), 0);
  const data = periods.map((p) => ({
    period: p.period,
    ...Object.fromEntries(present.map((k) => [k, p.counts[k] ?? 0])),
  }));
  return (
    <ChartCard
      title={title}
      info={info}
      csvName={csvName}
      csv={[
        ["month", ...present, "total"],
        ...periods.map((p) => [p.period, ...present.map((k) => p.counts[k] ?? 0), total(p)]),
      ]}
      chart={
        present.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <figure aria-label={title} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="period"
                  tick={{ fontSize: 11 }}
                  label={{ value: t("period"), position: "insideBottom", offset: -12 }}
                />
                <YAxis
                  allowDecimals={false}
                  label={{ value: t("count"), angle: -90, position: "insideLeft" }}
                />
                <Tooltip />
                <Legend verticalAlign="top" />
                {present.map((k, i) => (
                  <Bar
                    key={k}
                    dataKey={k}
                    name={label(k)}
                    stackId="a"
                    fill={colors?.[k] ?? PALETTE[i % PALETTE.length]}
                    isAnimationActive={false}
                  />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t("period")}</th>
              {present.map((k) => (
                <th key={k} className={`${th} text-right`}>
                  {label(k)}
                </th>
              ))}
              <th className={`${th} text-right`}>{t("total")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {periods.map((p) => (
              <tr key={p.period}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {p.period}
                </th>
                {present.map((k) => (
                  <td key={k} className={`${td} text-right`}>
                    {p.counts[k] ?? 0}
                  </td>
                ))}
                <td className={`${td} text-right`}>{total(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
