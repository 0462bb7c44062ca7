"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChartCard } from "@/app/_components/report/chart-card";
import { useFormat } from "@/app/_components/report/format";
import { csvHeader, csvValue } from "@/app/_components/report/formatters";
import { Heatmap, type HeatmapRow } from "@/app/_components/report/heatmap";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { type Column, DataTable } from "@/app/_components/ui/data-table";
import { useTRPC } from "@/app/_trpc/client";
import { periodLabel } from "@/lib/periods";
import type { Cohort, CohortCell } from "@/server/executive/retention.rules";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";

const VIEWS = ["accounts", "cameBack", "revenue"] as const;
type View = (typeof VIEWS)[number];

export function CohortsView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.cohorts");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const f = useFormat();
  const [view, setView] = useState<View>("accounts");
  const heatmap = useQuery(trpc.executive.cohorts.queryOptions(range));
  if (heatmap.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (heatmap.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const { cohorts } = heatmap.data;
  const grain = range.grain;
  const width = cohorts.reduce((w, c) => Math.max(w, c.cells.length), 0);
  const offsets = Array.from({ length: width }, (_, k) => k);
  // "4 quarters later" in the per-period views, "within 4 quarters" in the cumulative one.
  const offsetLabel = (k: number, v: View = view) =>
    t(v === "cameBack" ? `within.${grain}` : `later.${grain}`, { k });
  const title = t(`titles.${view}`, { grain: t(`grains.${grain}`) });
  const label = (c: Cohort) => periodLabel(c.period, grain);

  const shareOf = (cell: CohortCell): number | null =>
    view === "accounts" ? cell.retention : view === "revenue" ? cell.revenueRetention : cell.cameBackShare;
  const cellOf = (c: Cohort, cell: CohortCell, k: number) => {
    const value = shareOf(cell);
    return {
      value,
      text: f.percent(value, 0),
      sub:
        view === "accounts"
          ? `${cell.active}/${c.size}`
          : view === "cameBack"
            ? k === 0
              ? undefined
              : `${cell.cameBack}/${c.size}`
            : f.moneyCompact(cell.revenue),
      detail: () =>
        t("cellDetail", {
          cohort: label(c),
          size: c.size,
          period: periodLabel(c.period + k, grain),
          when: offsetLabel(k, "accounts"),
          active: cell.active,
          retention: f.percent(cell.retention),
          revenue: f.money(cell.revenue),
          revenueRetention: f.percent(cell.revenueRetention),
          cameBack:
            k === 0
              ? t("notYet")
              : t("cameBackDetail", {
                  n: cell.cameBack,
                  share: f.percent(cell.cameBackShare),
                  within: offsetLabel(k, "cameBack"),
                }),
        }),
    };
  };
  const rows: HeatmapRow[] = cohorts.map((c) => ({
    key: String(c.period),
    label: label(c),
    extra: f.count(c.size),
    cells: offsets.map((k) => {
      const cell = c.cells[k];
      return cell ? cellOf(c, cell, k) : null;
    }),
  }));
  const averageAt = (k: number) => {
    const at = cohorts.flatMap((c) => (c.cells[k] ? [shareOf(c.cells[k] as CohortCell)] : []));
    const known = at.filter((v): v is number => v !== null);
    return known.length ? known.reduce((s, v) => s + v, 0) / known.length : null;
  };
  const summaryAt = view === "revenue" ? 1 : Math.min(1, width - 1);
  const summary = t("summary", {
    count: cohorts.length,
    first: cohorts[0] ? label(cohorts[0]) : "",
    last: cohorts.at(-1) ? label(cohorts.at(-1) as Cohort) : "",
    when: offsetLabel(summaryAt),
    average: f.percent(averageAt(summaryAt)),
  });

  const tableValue = (c: Cohort, k: number) => {
    const cell = c.cells[k];
    if (!cell) return "";
    return view === "accounts"
      ? f.count(cell.active)
      : view === "revenue"
        ? f.money(cell.revenue)
        : k === 0
          ? "—"
          : f.count(cell.cameBack);
  };
  const columns: Column<Cohort>[] = [
    { key: "cohort", header: t("cohort"), rowHeader: true, className: "whitespace-nowrap", cell: label },
    { key: "size", header: t("size"), align: "right", cell: (c) => f.count(c.size) },
    ...offsets.map(
      (k): Column<Cohort> => ({
        key: `k${k}`,
        header: offsetLabel(k),
        align: "right",
        className: "whitespace-nowrap",
        cell: (c) => tableValue(c, k),
      }),
    ),
  ];

  return (
    <ChartCard
      title={title}
      info={t(`infos.${view}`)}
      csvName={`cohorts-${grain}-${range.from}-${range.to}.csv`}
      csv={() => [
        [
          "cohort",
          "cohort_size",
          "offset",
          "period",
          "accounts_ordering",
          "retention",
          csvHeader("revenue", "money", f.currency),
          "revenue_retention",
          "came_back_so_far",
          "came_back_share",
        ],
        ...cohorts.flatMap((c) =>
          c.cells.map((cell, k) => [
            label(c),
            c.size,
            k,
            periodLabel(c.period + k, grain),
            cell.active,
            cell.retention,
            csvValue("money", cell.revenue),
            cell.revenueRetention,
            cell.cameBack,
            cell.cameBackShare,
          ]),
        ),
      ]}
      actions={
        cohorts.length > 0 ? (
          <fieldset className="flex items-center gap-1">
            <legend className="sr-only">{t("view")}</legend>
            {VIEWS.map((v) => (
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
        ) : null
      }
      chart={
        cohorts.length === 0 ? (
          <EmptyState title={t("empty")} body={t("emptyBody")} />
        ) : (
          <Heatmap
            label={title}
            summary={summary}
            corner={t("cohort")}
            extraHeader={t("size")}
            columns={offsets.map((k) => offsetLabel(k))}
            rows={rows}
            legend={[
              { value: 0, label: "0%" },
              { value: 0.5, label: "50%" },
              { value: 1, label: t("legendTop") },
            ]}
          />
        )
      }
      table={
        <DataTable
          variant="report"
          narrow="scroll"
          caption={t("tableCaption", { title })}
          columns={columns}
          rows={cohorts}
          rowKey={(c) => c.period}
        />
      }
    />
  );
}
