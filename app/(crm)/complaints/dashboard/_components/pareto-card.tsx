"use client";

import { useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { EmptyState } from "@/app/_components/ui/card";
import type { ParetoBar } from "@/server/deals/win-loss.rules";
import { PALETTE, pct, td, th } from "./labels";

/** Root causes or responsible parties as Pareto bars: counts largest first and the running share. */
export function ParetoCard({
  title,
  what,
  bars,
  label,
  csvName,
  color = PALETTE[0] as string,
}: {
  title: string;
  what: string;
  bars: ParetoBar[];
  label: (key: string) => string;
  csvName: string;
  color?: string;
}) {
  const t = useTranslations("complaintDashboard");
  const data = bars.map((b) => ({
    ...b,
    label: label(b.key),
    running: Math.round(b.cumulative * 1000) / 10,
  }));
  return (
    <ChartCard
      title={title}
      info={t("paretoFormula", { what: what.toLocaleLowerCase() })}
      csvName={csvName}
      csv={[
        ["key", "complaints", "share", "cumulative_share"],
        ...bars.map((b) => [b.key, b.count, b.share, b.cumulative]),
      ]}
      chart={
        data.length === 0 ? (
          <EmptyState title={t("emptyCauses")} />
        ) : (
          <figure aria-label={title} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 24, bottom: 48, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  interval={0}
                  angle={-30}
                  textAnchor="end"
                  tick={{ fontSize: 10 }}
                  height={60}
                />
                <YAxis
                  yAxisId="n"
                  allowDecimals={false}
                  label={{ value: t("count"), angle: -90, position: "insideLeft" }}
                />
                <YAxis
                  yAxisId="c"
                  orientation="right"
                  domain={[0, 100]}
                  unit="%"
                  label={{ value: t("cumulative"), angle: 90, position: "insideRight", offset: -16 }}
                />
                <Tooltip />
                <Legend verticalAlign="top" />
                <Bar yAxisId="n" dataKey="count" name={t("count")} fill={color} isAnimationActive={false} />
                <Line
                  yAxisId="c"
                  dataKey="running"
                  name={`${t("cumulative")} (%)`}
                  stroke="#334155"
                  dot={false}
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{what}</th>
              <th className={`${th} text-right`}>{t("count")}</th>
              <th className={`${th} text-right`}>{t("share")}</th>
              <th className={`${th} text-right`}>{t("cumulative")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {label(b.key)}
                </th>
                <td className={`${td} text-right`}>{b.count}</td>
                <td className={`${td} text-right`}>{pct(b.share)}</td>
                <td className={`${td} text-right`}>{pct(b.cumulative)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
