"use client";

import { useTranslations } from "next-intl";
import { Sparkline } from "@/app/_components/report/charts";
import { useFormat } from "@/app/_components/report/format";
import type { Format } from "@/app/_components/report/formatters";
import type { ExecutiveOverview } from "@/server/executive/trends.queries";
import type { Headline, PeriodFigures } from "@/server/executive/trends.rules";

const TILES: readonly {
  key: keyof Headline;
  format: Format;
  series: (p: PeriodFigures) => number | null;
  upIsGood: boolean;
}[] = [
  { key: "activeAccounts", format: "count", series: (p) => p.activeAccounts, upIsGood: true },
  { key: "retention", format: "percent", series: (p) => p.retention, upIsGood: true },
  { key: "defectionRate", format: "percent", series: (p) => p.defectionRate, upIsGood: false },
  { key: "winBacks", format: "count", series: (p) => p.wonBack, upIsGood: true },
  { key: "revenue", format: "money", series: (p) => p.revenue, upIsGood: true },
  { key: "margin", format: "money", series: (p) => p.margin, upIsGood: true },
  { key: "repeatRevenueShare", format: "percent", series: (p) => p.repeatRevenueShare, upIsGood: true },
];

/** The range's headline figures, each with its change against the previous range, a sparkline and its formula. */
export function HeadlineTiles({ data }: { data: ExecutiveOverview }) {
  const t = useTranslations("executive.overview");
  const f = useFormat();
  return (
    <ul aria-label={t("headlines")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {TILES.map(({ key, format, series, upIsGood }) => {
        const delta = data.changes[key];
        const tone =
          delta === null || delta === 0
            ? "text-slate-600"
            : delta > 0 === upIsGood
              ? "text-emerald-700"
              : "text-red-700";
        return (
          <li
            key={key}
            className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
          >
            <p className="text-xs font-medium text-slate-600">{t(`tiles.${key}`)}</p>
            <p className="mt-1 text-xl font-semibold tabular-nums text-slate-900">
              {f.value(format, data.current[key])}
            </p>
            <p className={`text-xs tabular-nums ${tone}`}>
              {t("change", { change: f.change(delta), previous: f.value(format, data.prior[key]) })}
            </p>
            <Sparkline values={data.periods.map(series)} />
            <p className="mt-1 text-[11px] leading-snug text-slate-600">{t(`formulas.${key}`)}</p>
          </li>
        );
      })}
    </ul>
  );
}
