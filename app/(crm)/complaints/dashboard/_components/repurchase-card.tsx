"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { EmptyState } from "@/app/_components/ui/card";
import type { AppRouter } from "@/server/root";
import { OUTCOME_COLORS, pct, td, th, useLabel } from "./labels";

type Outcomes = inferRouterOutputs<AppRouter>["complaints"]["outcomes"];
type NoComplaint = inferRouterOutputs<AppRouter>["complaints"]["noComplaint"];

const round = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 10);

/** Repurchase rate per outcome beside the literature's rate, and accounts without a complaint. */
export function RepurchaseCard({ data, base }: { data: Outcomes; base: NoComplaint | undefined }) {
  const t = useTranslations("complaintDashboard");
  const format = useFormatter();
  const label = useLabel("outcome");
  const rows = [
    ...data.repurchase.map((r) => ({
      key: r.outcome,
      label: label(r.outcome),
      accounts: r.accounts,
      repurchased: r.repurchased,
      rate: r.rate,
      literature: r.literature,
      literatureRate: r.literatureRate as number | null,
    })),
    {
      key: "noComplaint",
      label: t("noComplaint"),
      accounts: base?.accounts ?? 0,
      repurchased: base?.repurchased ?? 0,
      rate: base?.rate ?? null,
      literature: "83%",
      literatureRate: 0.83 as number | null,
    },
  ];
  const data2 = rows.map((r) => ({
    label: r.label,
    rate: round(r.rate),
    literature: round(r.literatureRate),
  }));
  const mature = format.dateTime(new Date(data.matureTo), { dateStyle: "medium" });
  const empty = rows.every((r) => r.accounts === 0);
  return (
    <ChartCard
      title={t("repurchase")}
      info={t("repurchaseFormula", { days: data.repurchaseDays, mature })}
      csvName="repurchase-by-outcome.csv"
      csv={[
        ["outcome", "accounts", "bought_again", "rate", "literature"],
        ...rows.map((r) => [r.key, r.accounts, r.repurchased, r.rate, r.literature]),
      ]}
      chart={
        empty ? (
          <EmptyState title={t("empty")} />
        ) : (
          <figure aria-label={t("repurchase")} className="h-72">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={data2} margin={{ top: 8, right: 8, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                <YAxis
                  domain={[0, 100]}
                  unit="%"
                  label={{ value: t("rate"), angle: -90, position: "insideLeft" }}
                />
                <Tooltip formatter={(v) => (v == null ? "—" : `${v}%`)} />
                <Legend verticalAlign="top" />
                <Bar
                  dataKey="rate"
                  name={t("rate")}
                  fill={OUTCOME_COLORS.resolved_quickly}
                  isAnimationActive={false}
                />
                <Bar dataKey="literature" name={t("literature")} fill="#cbd5e1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </figure>
        )
      }
      table={
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t("repurchase")}</caption>
          <thead className="text-slate-500">
            <tr>
              <th className={th}>{t("outcomeHeader")}</th>
              <th className={`${th} text-right`}>{t("accounts")}</th>
              <th className={`${th} text-right`}>{t("repurchased")}</th>
              <th className={`${th} text-right`}>{t("rate")}</th>
              <th className={`${th} text-right`}>{t("literature")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  {r.key === "noComplaint" && base?.rate == null ? t("noComplaintPending") : r.label}
                </th>
                <td className={`${td} text-right`}>{r.accounts}</td>
                <td className={`${td} text-right`}>{r.repurchased}</td>
                <td className={`${td} text-right`}>{pct(r.rate)}</td>
                <td className={`${td} text-right`}>{r.literature}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
