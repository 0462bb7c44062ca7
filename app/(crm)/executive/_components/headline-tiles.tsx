"use client";

import { useTranslations } from "next-intl";
import { Line, LineChart, ResponsiveContainer } from "recharts";
import { useMoney } from "@/app/_components/report/format";
import type { ExecutiveOverview } from "@/server/executive/trends.queries";
import type { Headline, PeriodFigures } from "@/server/executive/trends.rules";
import { useChange, usePercent } from "./format";

type Kind = "count" | "share" | "money";
const TILES: readonly {
  key: keyof Headline;
  kind: Kind;
  series: (p: PeriodFigures) => number | null;
  upIsGood: boolean;
}[] = [
  { key: "activeAccounts", kind: "count", series: (p) => p.activeAccounts, upIsGood: true },
  { key: "retention", kind: "share", series: (p) => p.retention, upIsGood: true },
  { key: "defectionRate", kind: "share", series: (p) => p.defectionRate, upIsGood: false },
  { key: "winBacks", kind: "count", series: (p) => p.wonBack, upIsGood: true },
  { key: "revenue", kind: "money", series: (p) => p.revenue, upIsGood: true },
  { key: "margin", kind: "money", series: (p) => p.margin, upIsGood: true },
  { key: "repeatRevenueShare", kind: "share", series: (p) => p.repeatRevenueShare, upIsGood: true },
];

/** The range's headline figures, each with its change against the previous range, a sparkline and its formula. */
export function HeadlineTiles({ data }: { data: ExecutiveOverview }) {
  const t = useTranslations("executive.overview");
  const money = useMoney();
  const pct = usePercent();
  const changeText = useChange();
  const show = (kind: Kind, v: number | null) =>
    kind === "money" ? money(v ?? 0) : kind === "share" ? pct(v) : (v ?? 0).toLocaleString();
  return (
    <ul aria-label={t("headlines")} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {TILES.map(({ key, kind, series, upIsGood }) => {
        const delta = data.changes[key];
        const tone =
          delta === null || delta === 0
            ? "text-slate-500"
            : delta > 0 === upIsGood
              ? "text-emerald-700"
              : "text-red-700";
        const points = data.periods.map((p) => ({ label: p.label, v: series(p) }));
        return (
          <li
            key={key}
            className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-3 shadow-xs"
          >
            <p className="text-xs font-medium text-slate-600">{t(`tiles.${key}`)}</p>
            <p className="mt-1 text-xl font-semibold tabular-nums text-slate-900">
              {show(kind, data.current[key])}
            </p>
            <p className={`text-xs tabular-nums ${tone}`}>
              {t("change", { change: changeText(delta), previous: show(kind, data.prior[key]) })}
            </p>
            <div className="mt-1 h-10" aria-hidden="true">
              <ResponsiveContainer width="100%" height="100%">
                <LineChart data={points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
                  <Line
                    type="monotone"
                    dataKey="v"
                    stroke="#2563eb"
                    strokeWidth={1.5}
                    dot={false}
                    isAnimationActive={false}
                    connectNulls
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
            <p className="mt-1 text-[11px] leading-snug text-slate-500">{t(`formulas.${key}`)}</p>
          </li>
        );
      })}
    </ul>
  );
}
