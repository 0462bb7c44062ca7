"use client";

import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Card, EmptyState } from "@/app/_components/ui/card";
import type { AppRouter } from "@/server/root";
import { COLORS, type OnDrill, td, th } from "./drill";
import { DrillRowHeader } from "./drill-row-header";

type Data = inferRouterOutputs<AppRouter>["deals"]["competitors"];

/** Lost to which competitors (click a bar for the deals), and the win-back pipeline from reviews. */
export function CompetitorsCard({ data: raw, onDrill }: { data: Data; onDrill: OnDrill }) {
  const t = useTranslations("deals.dashboard");
  // Names typed that are not on the competitor list come as one "other" bar.
  const data = {
    ...raw,
    competitors: raw.competitors.map((c) => ({
      ...c,
      competitor: c.key === "other" ? t("otherCompetitors") : c.competitor,
    })),
  };
  const tList = useTranslations("deals.list");
  const money = useMoney();
  const date = useDate("numeric");
  return (
    <div className="space-y-5">
      <ChartCard
        title={t("competitors")}
        info={t("competitorsFormula", { total: data.lostTotal })}
        csvName="lost-to-competitors.csv"
        csv={[
          ["competitor", "lost_deals", "amount_minor_units"],
          ...data.competitors.map((c) => [c.competitor, c.n, c.amount]),
        ]}
        chart={
          data.competitors.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <figure aria-label={t("competitors")} style={{ height: data.competitors.length * 28 + 70 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart
                  data={data.competitors}
                  layout="vertical"
                  margin={{ left: 16, right: 24, bottom: 16 }}
                >
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis
                    type="number"
                    allowDecimals={false}
                    label={{ value: t("count"), position: "insideBottom", offset: -8 }}
                  />
                  <YAxis type="category" dataKey="competitor" width={120} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Legend verticalAlign="top" />
                  <Bar
                    dataKey="n"
                    name={t("lost")}
                    fill={COLORS.lost}
                    cursor="pointer"
                    onClick={(d) => {
                      const c = (d as { payload?: { key: string; competitor: string } }).payload;
                      if (c) onDrill({ kind: "competitor", value: c.key, label: c.competitor });
                    }}
                  />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          )
        }
        table={
          <table className="min-w-full text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className={th}>{t("competitor")}</th>
                <th className={`${th} text-right`}>{t("count")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.competitors.map((c) => (
                <tr key={c.key}>
                  <DrillRowHeader
                    label={c.competitor}
                    onClick={() => onDrill({ kind: "competitor", value: c.key, label: c.competitor })}
                  />
                  <td className={`${td} text-right`}>{c.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <Card title={t("pipeline")}>
        <p className="mb-2 text-xs text-slate-500">{t("pipelineFormula")}</p>
        {data.pipeline.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noPipeline")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("pipeline")}</caption>
              <thead className="text-slate-500">
                <tr>
                  <th className={th}>{tList("deal")}</th>
                  <th className={`${th} text-right`}>{tList("amount")}</th>
                  <th className={`${th} text-right`}>{t("actions")}</th>
                  <th className={`${th} text-right`}>{t("done")}</th>
                  <th className={`${th} text-right`}>{t("overdue")}</th>
                  <th className={th}>{t("nextDue")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.pipeline.map((p) => (
                  <tr key={p.dealId}>
                    <td className={td}>
                      <Link href={`/deals/${p.dealId}`} className="text-brand-700 hover:underline">
                        {p.title}
                      </Link>
                      <div className="text-xs text-slate-500">{p.accountName}</div>
                    </td>
                    <td className={`${td} text-right`}>{money(p.amount)}</td>
                    <td className={`${td} text-right`}>{p.actions}</td>
                    <td className={`${td} text-right`}>{p.done}</td>
                    <td className={`${td} text-right ${p.overdue ? "font-semibold text-red-700" : ""}`}>
                      {p.overdue}
                    </td>
                    <td className={td}>{date(p.nextDueAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
