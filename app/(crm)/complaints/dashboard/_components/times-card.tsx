"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { EmptyState } from "@/app/_components/ui/card";
import type { AppRouter } from "@/server/root";
import { hours, pct, td, th } from "./labels";

type Times = inferRouterOutputs<AppRouter>["complaints"]["times"];

const LINES = [
  ["ackMedian", "#1d4ed8", undefined],
  ["ackP90", "#1d4ed8", "4 3"],
  ["resolveMedian", "#16a34a", undefined],
  ["resolveP90", "#16a34a", "4 3"],
] as const;

/** Median and p90 time to acknowledge and to resolve per month, in hours, and the shares within the promise. */
export function TimesCard({ data }: { data: Times }) {
  const t = useTranslations("complaintDashboard");
  const series = data.periods.map((p) => ({
    period: p.period,
    ackMedian: hours(p.ackMedian),
    ackP90: hours(p.ackP90),
    resolveMedian: hours(p.resolveMedian),
    resolveP90: hours(p.resolveP90),
  }));
  const empty = data.acknowledge.n === 0 && data.resolve.n === 0;
  return (
    <ChartCard
      title={t("times")}
      info={t("timesFormula")}
      csvName="complaint-times.csv"
      csv={[
        [
          "month",
          "ack_median_h",
          "ack_p90_h",
          "resolve_median_h",
          "resolve_p90_h",
          "ack_within_promise",
          "resolve_within_promise",
        ],
        ...data.periods.map((p) => [
          p.period,
          hours(p.ackMedian),
          hours(p.ackP90),
          hours(p.resolveMedian),
          hours(p.resolveP90),
          p.ackWithin,
          p.resolveWithin,
        ]),
        [
          "all",
          hours(data.acknowledge.median),
          hours(data.acknowledge.p90),
          hours(data.resolve.median),
          hours(data.resolve.p90),
          data.acknowledge.withinPromise,
          data.resolve.withinPromise,
        ],
      ]}
      chart={
        empty ? (
          <EmptyState title={t("empty")} />
        ) : (
          <figure aria-label={t("times")} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={series} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="period"
                  tick={{ fontSize: 11 }}
                  label={{ value: t("period"), position: "insideBottom", offset: -12 }}
                />
                <YAxis label={{ value: t("hours"), angle: -90, position: "insideLeft" }} />
                <Tooltip />
                <Legend verticalAlign="top" />
                {LINES.map(([key, color, dash]) => (
                  <Line
                    key={key}
                    dataKey={key}
                    name={t(key)}
                    stroke={color}
                    strokeDasharray={dash}
                    connectNulls
                    dot={false}
                    isAnimationActive={false}
                  />
                ))}
              </LineChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("times")}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t("period")}</th>
              {LINES.map(([key]) => (
                <th key={key} className={`${th} text-right`}>
                  {t(key)} ({t("hours")})
                </th>
              ))}
              <th className={`${th} text-right`}>{t("ackWithin")}</th>
              <th className={`${th} text-right`}>{t("resolveWithin")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.periods.map((p) => (
              <tr key={p.period}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {p.period}
                </th>
                {LINES.map(([key]) => (
                  <td key={key} className={`${td} text-right`}>
                    {hours(p[key]) ?? "—"}
                  </td>
                ))}
                <td className={`${td} text-right`}>{pct(p.ackWithin)}</td>
                <td className={`${td} text-right`}>{pct(p.resolveWithin)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
