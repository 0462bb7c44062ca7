"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useMoney } from "@/app/_components/report/format";
import { Alert, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import type { ValueRow } from "@/server/executive/value.queries";

const COLUMNS = [
  "activeAccounts",
  "revenue",
  "yearlyMargin",
  "defections",
  "defectionRate",
  "lifetime",
  "clv",
] as const;

export function ValueView() {
  const t = useTranslations("executive.value");
  const tRung = useTranslations("enums.rung");
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const value = useQuery(trpc.executive.value.queryOptions());
  if (value.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (value.isError) return <Alert>{tCommon("states.error")}</Alert>;
  return (
    <div className="space-y-5">
      <ValueCard
        title={t("byRung")}
        rows={value.data.byRung}
        label={(g) => tRung(g as never)}
        csvName="lifetime-value-by-rung.csv"
      />
      <ValueCard
        title={t("byLevel")}
        rows={value.data.byLevel}
        label={(g) => tLevel(g as never)}
        csvName="lifetime-value-by-level.csv"
      />
    </div>
  );
}

function ValueCard({
  title,
  rows,
  label,
  csvName,
}: {
  title: string;
  rows: ValueRow[];
  label: (group: string) => string;
  csvName: string;
}) {
  const t = useTranslations("executive.value");
  const money = useMoney();
  const cell = (r: ValueRow, c: (typeof COLUMNS)[number]) => {
    switch (c) {
      case "activeAccounts":
        return r.activeAccounts.toLocaleString();
      case "revenue":
        return money(r.revenue);
      case "yearlyMargin":
        return money(r.yearlyMarginPerAccount);
      case "defections":
        return r.defections.toLocaleString();
      case "defectionRate":
        return r.yearlyDefectionRate === null ? t("none") : `${(r.yearlyDefectionRate * 100).toFixed(1)}%`;
      case "lifetime":
        return t("years", { years: r.expectedLifetimeYears.toFixed(1) });
      case "clv":
        return money(r.lifetimeValue);
    }
  };
  return (
    <ChartCard
      title={title}
      info={t("info")}
      csvName={csvName}
      csv={[
        [
          "group",
          "active_accounts",
          "revenue_minor",
          "yearly_margin_per_account_minor",
          "defections_12m",
          "yearly_defection_rate",
          "expected_lifetime_years",
          "lifetime_value_minor",
        ],
        ...rows.map((r) => [
          r.group,
          r.activeAccounts,
          r.revenue,
          r.yearlyMarginPerAccount,
          r.defections,
          r.yearlyDefectionRate ?? "",
          r.expectedLifetimeYears,
          r.lifetimeValue,
        ]),
      ]}
      chart={
        <div className="h-64" role="img" aria-label={`${t("chart")}: ${title}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={rows.map((r) => ({ name: label(r.group), clv: r.lifetimeValue / 100 }))}
              margin={{ top: 8, right: 16, bottom: 8, left: 24 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" interval={0} tick={{ fontSize: 11 }} />
              <YAxis
                tick={{ fontSize: 11 }}
                label={{ value: t("axisValue"), angle: -90, position: "insideLeft", fontSize: 12 }}
              />
              <Tooltip formatter={(v) => money(Math.round(Number(v) * 100))} />
              <Bar dataKey="clv" name={t("chart")} fill="#2563eb" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
      table={
        <table className="w-full text-sm">
          <caption className="sr-only">{title}</caption>
          <thead className="border-b border-slate-200 text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1.5 text-left font-medium">
                {t("columns.group")}
              </th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="px-2 py-1.5 text-right font-medium">
                  {t(`columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.group} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-2 py-1.5 text-left font-normal">
                  {label(r.group)}
                </th>
                {COLUMNS.map((c) => (
                  <td key={c} className="px-2 py-1.5 text-right tabular-nums">
                    {cell(r, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
