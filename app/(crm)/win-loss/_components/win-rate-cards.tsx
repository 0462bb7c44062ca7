"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
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
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import type { AppRouter } from "@/server/root";
import { COLORS, type OnDrill, pct, td, th } from "./drill";
import { DrillRowHeader } from "./drill-row-header";

type WinRates = inferRouterOutputs<AppRouter>["deals"]["winRates"];
type Row = {
  key: string;
  label: string;
  won: number;
  lost: number;
  noDecision: number;
  winRate: number | null;
};

/** Win rate per period (stacked outcomes and the rate line), then by owner and by segment. */
export function WinRateCards({ data, onDrill }: { data: WinRates; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  const name = useNameLabel();
  const series = data.periods.map((p) => ({
    ...p,
    rate: p.winRate == null ? null : Math.round(p.winRate * 1000) / 10,
  }));
  const outcomeTable = (rows: Row[], kind: "period" | "owner" | "segment", caption: string) => (
    <table className="min-w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-500">
        <tr>
          <th className={th}>
            {kind === "period" ? t("period") : kind === "owner" ? t("owners") : t("segment")}
          </th>
          <th className={`${th} text-right`}>{t("won")}</th>
          <th className={`${th} text-right`}>{t("lost")}</th>
          <th className={`${th} text-right`}>{t("noDecision")}</th>
          <th className={`${th} text-right`}>{t("winRate")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.key}>
            <DrillRowHeader label={r.label} onClick={() => onDrill({ kind, value: r.key, label: r.label })} />
            <td className={`${td} text-right`}>{r.won}</td>
            <td className={`${td} text-right`}>{r.lost}</td>
            <td className={`${td} text-right`}>{r.noDecision}</td>
            <td className={`${td} text-right`}>{pct(r.winRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const owners: Row[] = data.byOwner.map((o) => ({ ...o, key: o.ownerId, label: o.name }));
  const segments: Row[] = data.bySegment.map((s) => ({
    ...s,
    key: s.segment ?? "",
    label: s.segment ? name("segment", s.segment) : t("noSegment"),
  }));
  const rateBars = (rows: Row[], kind: "owner" | "segment") => (
    <div style={{ height: Math.max(160, rows.length * 28 + 60) }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows.map((r) => ({ ...r, rate: r.winRate == null ? 0 : Math.round(r.winRate * 1000) / 10 }))}
          layout="vertical"
          margin={{ left: 16, right: 24, bottom: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 100]}
            unit="%"
            label={{ value: t("winRate"), position: "insideBottom", offset: -8 }}
          />
          <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => `${v}%`} />
          <Legend verticalAlign="top" />
          <Bar
            dataKey="rate"
            name={t("winRate")}
            fill={COLORS.rate}
            cursor="pointer"
            onClick={(d) => {
              const row = (d as { payload?: Row }).payload;
              if (row) onDrill({ kind, value: row.key, label: row.label });
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );

  return (
    <div className="space-y-5">
      <ChartCard
        title={t("winRateOverTime")}
        info={t("winRateFormula")}
        csvName="win-rate-by-period.csv"
        csv={[
          ["period", "won", "lost", "no_decision", "win_rate"],
          ...data.periods.map((p) => [p.period, p.won, p.lost, p.noDecision, p.winRate]),
        ]}
        chart={
          data.total.won + data.total.lost + data.total.noDecision === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <figure aria-label={t("winRateOverTime")} className="h-72">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis
                    dataKey="period"
                    tick={{ fontSize: 11 }}
                    label={{ value: t("period"), position: "insideBottom", offset: -16 }}
                  />
                  <YAxis
                    yAxisId="n"
                    allowDecimals={false}
                    label={{ value: t("deals"), angle: -90, position: "insideLeft" }}
                  />
                  <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  {(["won", "lost", "noDecision"] as const).map((k) => (
                    <Bar
                      key={k}
                      yAxisId="n"
                      dataKey={k}
                      stackId="o"
                      name={t(k)}
                      fill={COLORS[k]}
                      cursor="pointer"
                      onClick={(d) => {
                        const p = (d as { payload?: { period: string } }).payload;
                        if (p) onDrill({ kind: "period", value: p.period, label: p.period });
                      }}
                    />
                  ))}
                  <Line
                    yAxisId="rate"
                    dataKey="rate"
                    name={`${t("winRate")} (%)`}
                    stroke={COLORS.rate}
                    strokeWidth={2}
                    connectNulls
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
          )
        }
        table={outcomeTable(
          data.periods.map((p) => ({ ...p, key: p.period, label: p.period })),
          "period",
          t("winRateOverTime"),
        )}
      />
      <div className="grid gap-5 lg:grid-cols-2">
        <ChartCard
          title={t("byOwner")}
          info={t("winRateFormula")}
          csvName="win-rate-by-owner.csv"
          csv={[
            ["owner", "won", "lost", "no_decision", "win_rate"],
            ...owners.map((o) => [o.label, o.won, o.lost, o.noDecision, o.winRate]),
          ]}
          chart={owners.length ? rateBars(owners, "owner") : <EmptyState title={t("empty")} />}
          table={outcomeTable(owners, "owner", t("byOwner"))}
        />
        <ChartCard
          title={t("bySegment")}
          info={t("winRateFormula")}
          csvName="win-rate-by-segment.csv"
          csv={[
            ["segment", "won", "lost", "no_decision", "win_rate"],
            ...segments.map((o) => [o.label, o.won, o.lost, o.noDecision, o.winRate]),
          ]}
          chart={segments.length ? rateBars(segments, "segment") : <EmptyState title={t("empty")} />}
          table={outcomeTable(segments, "segment", t("bySegment"))}
        />
      </div>
    </div>
  );
}
