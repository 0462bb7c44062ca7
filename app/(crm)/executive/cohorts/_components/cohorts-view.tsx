"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CURRENCY, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { periodLabel } from "@/lib/periods";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";
import { usePercent } from "../../_components/format";

type View = "accounts" | "revenue";

/** Background of a heatmap cell: white to deep blue as the share goes from 0 to 100% (capped there). */
function shade(x: number | null): { backgroundColor: string; color: string } {
  if (x === null) return { backgroundColor: "#f8fafc", color: "#64748b" };
  const v = Math.max(0, Math.min(1, x));
  const light = 97 - v * 60;
  return { backgroundColor: `hsl(217 91% ${light}%)`, color: light < 62 ? "#ffffff" : "#0f172a" };
}

export function CohortsView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.cohorts");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const format = useFormatter();
  const pct = usePercent();
  const [view, setView] = useState<View>("accounts");
  const heatmap = useQuery(trpc.executive.cohorts.queryOptions(range));
  if (heatmap.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (heatmap.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const { cohorts } = heatmap.data;
  const width = cohorts.reduce((w, c) => Math.max(w, c.cells.length), 0);
  const offsets = Array.from({ length: width }, (_, k) => k);
  const compact = (minor: number) =>
    format.number(minor / 100, { style: "currency", currency: CURRENCY, notation: "compact" });
  const title = t(view === "accounts" ? "accountsTitle" : "revenueTitle", {
    grain: t(`grains.${range.grain}`),
  });

  const switcher = (
    <fieldset className="no-print mb-3 flex items-center gap-1">
      <legend className="sr-only">{t("view")}</legend>
      {(["accounts", "revenue"] as const).map((v) => (
        <Button
          key={v}
          type="button"
          size="sm"
          variant={v === view ? "primary" : "secondary"}
          aria-pressed={v === view}
          onClick={() => setView(v)}
        >
          {t(`views.${v}`)}
        </Button>
      ))}
    </fieldset>
  );

  const heat = (
    <div className="max-h-[70vh] overflow-auto print:max-h-none print:overflow-visible">
      <table className="border-separate border-spacing-0.5 text-[11px] [print-color-adjust:exact]">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 top-0 z-20 bg-white px-2 py-1 text-left font-medium text-slate-600"
            >
              {t("cohort")}
            </th>
            <th
              scope="col"
              className="sticky top-0 z-10 whitespace-nowrap bg-white px-2 py-1 text-right font-medium text-slate-600"
            >
              {t("size")}
            </th>
            {offsets.map((k) => (
              <th
                key={k}
                scope="col"
                className="sticky top-0 z-10 min-w-12 bg-white px-1 py-1 text-center font-medium text-slate-600"
              >
                +{k}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((c) => {
            const label = periodLabel(c.period, range.grain);
            return (
              <tr key={c.period}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 whitespace-nowrap bg-white px-2 py-1 text-left font-medium"
                >
                  {label}
                </th>
                <td className="px-2 py-1 text-right tabular-nums text-slate-700">
                  {c.size.toLocaleString()}
                </td>
                {offsets.map((k) => {
                  const cell = c.cells[k];
                  if (!cell) return <td key={k} />;
                  const value = view === "accounts" ? cell.retention : cell.revenueRetention;
                  const detail = t("cellDetail", {
                    cohort: label,
                    size: c.size,
                    period: periodLabel(c.period + k, range.grain),
                    offset: k,
                    active: cell.active,
                    retention: pct(cell.retention),
                    revenue: money(cell.revenue),
                    revenueRetention: pct(cell.revenueRetention),
                  });
                  return (
                    <td
                      key={k}
                      title={detail}
                      className="rounded-sm px-1 py-0.5 text-center tabular-nums"
                      style={shade(value)}
                    >
                      <span className="block font-medium">{pct(value, 0)}</span>
                      <span className="block text-[10px] opacity-80">
                        {view === "accounts" ? `${cell.active}/${c.size}` : compact(cell.revenue)}
                      </span>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <ChartCard
      title={title}
      info={t(view === "accounts" ? "accountsInfo" : "revenueInfo")}
      csvName={`cohorts-${range.grain}-${range.from}-${range.to}.csv`}
      csv={[
        [
          "cohort",
          "cohort_size",
          "offset",
          "period",
          "accounts_ordering",
          "retention",
          "revenue_minor",
          "revenue_retention",
        ],
        ...cohorts.flatMap((c) =>
          c.cells.map((cell, k) => [
            periodLabel(c.period, range.grain),
            c.size,
            k,
            periodLabel(c.period + k, range.grain),
            cell.active,
            cell.retention,
            cell.revenue,
            cell.revenueRetention ?? "",
          ]),
        ),
      ]}
      chart={
        cohorts.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <>
            {switcher}
            {heat}
            <p className="mt-2 flex items-center gap-2 text-xs text-slate-500">
              <span>{t("legend")}</span>
              <span className="inline-block h-3 w-6 rounded-sm" style={shade(0)} aria-hidden="true" />
              <span>0%</span>
              <span className="inline-block h-3 w-6 rounded-sm" style={shade(0.5)} aria-hidden="true" />
              <span>50%</span>
              <span className="inline-block h-3 w-6 rounded-sm" style={shade(1)} aria-hidden="true" />
              <span>{t("legendTop")}</span>
            </p>
          </>
        )
      }
      table={
        <table className="text-left text-xs">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead className="border-b border-slate-200 text-slate-600">
            <tr>
              <th scope="col" className="px-2 py-1 font-medium">
                {t("cohort")}
              </th>
              <th scope="col" className="px-2 py-1 text-right font-medium">
                {t("size")}
              </th>
              {offsets.map((k) => (
                <th key={k} scope="col" className="px-2 py-1 text-right font-medium">
                  +{k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.period} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="whitespace-nowrap px-2 py-1 font-normal">
                  {periodLabel(c.period, range.grain)}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{c.size}</td>
                {offsets.map((k) => {
                  const cell = c.cells[k];
                  return (
                    <td key={k} className="whitespace-nowrap px-2 py-1 text-right tabular-nums">
                      {cell ? (view === "accounts" ? cell.active : money(cell.revenue)) : ""}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
