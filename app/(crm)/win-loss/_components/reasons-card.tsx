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
import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import type { ParetoBar } from "@/server/deals/win-loss.rules";
import { COLORS, type OnDrill, pct, td, th } from "./drill";
import { DrillRowHeader } from "./drill-row-header";

/** Reasons for one outcome as two Pareto charts side by side: what owners said, what buyers told the reviewer. */
export function ReasonsCard({
  outcome,
  owner,
  buyer,
  onDrill,
}: {
  outcome: "won" | "lost";
  owner: ParetoBar[];
  buyer: ParetoBar[];
  onDrill: OnDrill;
}) {
  const t = useTranslations("deals.dashboard");
  const label = useReasonLabel();
  const title = outcome === "lost" ? t("reasonsLost") : t("reasonsWon");
  const side = (bars: ParetoBar[], who: "owner" | "buyer") => {
    const name = who === "owner" ? t("ownerSays") : t("buyerSays");
    const kind = who === "owner" ? "ownerReason" : "buyerReason";
    const data = bars.map((b) => ({
      ...b,
      label: label(b.key),
      running: Math.round(b.cumulative * 1000) / 10,
    }));
    return (
      <figure aria-label={`${title}: ${name}`} className="min-w-0">
        <figcaption className="mb-1 text-xs font-medium text-slate-600">{name}</figcaption>
        {data.length === 0 ? (
          <EmptyState title={who === "owner" ? t("empty") : t("emptyReviews")} />
        ) : (
          <div className="h-64">
            <ResponsiveContainer width="100%" height="100%">
              <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 40, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  interval={0}
                  angle={-30}
                  textAnchor="end"
                  tick={{ fontSize: 10 }}
                  height={50}
                />
                <YAxis
                  yAxisId="n"
                  allowDecimals={false}
                  label={{ value: t("count"), angle: -90, position: "insideLeft" }}
                />
                <YAxis yAxisId="c" orientation="right" domain={[0, 100]} unit="%" />
                <Tooltip />
                <Legend verticalAlign="top" />
                <Bar
                  yAxisId="n"
                  dataKey="count"
                  name={t("count")}
                  fill={who === "owner" ? COLORS.owner : COLORS.buyer}
                  cursor="pointer"
                  onClick={(d) => {
                    const b = (d as { payload?: { key: string; label: string } }).payload;
                    if (b) onDrill({ kind, value: b.key, outcome, label: `${title} · ${name} · ${b.label}` });
                  }}
                />
                <Line
                  yAxisId="c"
                  dataKey="running"
                  name={`${t("cumulative")} (%)`}
                  stroke="#334155"
                  dot={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          </div>
        )}
      </figure>
    );
  };
  const table = (bars: ParetoBar[], who: "owner" | "buyer") => (
    <table className="min-w-full text-sm">
      <caption className="text-left text-xs font-medium text-slate-600">
        {who === "owner" ? t("ownerSays") : t("buyerSays")}
      </caption>
      <thead className="text-slate-500">
        <tr>
          <th className={th}>{t("reason")}</th>
          <th className={`${th} text-right`}>{t("count")}</th>
          <th className={`${th} text-right`}>{t("share")}</th>
          <th className={`${th} text-right`}>{t("cumulative")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {bars.map((b) => (
          <tr key={b.key}>
            <DrillRowHeader
              label={label(b.key)}
              onClick={() =>
                onDrill({
                  kind: who === "owner" ? "ownerReason" : "buyerReason",
                  value: b.key,
                  outcome,
                  label: `${title} · ${label(b.key)}`,
                })
              }
            />
            <td className={`${td} text-right`}>{b.count}</td>
            <td className={`${td} text-right`}>{pct(b.share)}</td>
            <td className={`${td} text-right`}>{pct(b.cumulative)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
          {side(owner, "owner")}
          {side(buyer, "buyer")}
        </div>
      }
      table={
        <div className="grid gap-4 md:grid-cols-2">
          {table(owner, "owner")}
          {table(buyer, "buyer")}
        </div>
      }
    />
  );
}
