"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard } from "@/app/_components/report/chart-card";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { STACK_BANDS } from "@/server/executive/trends.rules";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";
import { BAND_COLORS, useCompact } from "../../_components/format";

const FLOWS = ["up", "down", "off", "wonBack"] as const;
const FLOW_COLORS: Record<(typeof FLOWS)[number], string> = {
  up: "#16a34a",
  down: "#7c3aed",
  off: "#dc2626",
  wonBack: "#2563eb",
};
const th = "px-2 py-1.5 font-medium";
const td = "px-2 py-1.5 text-right tabular-nums";

export function LadderView({ range }: { range: PeriodRangeInput }) {
  const t = useTranslations("executive.ladder");
  const tRung = useTranslations("enums.rung");
  const tStatus = useTranslations("enums.status");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const compact = useCompact();
  const ladder = useQuery(trpc.executive.ladder.queryOptions(range));
  if (ladder.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (ladder.isError) return <Alert>{tCommon("states.error")}</Alert>;
  const { stack, flows } = ladder.data;
  const bandName = (b: string) => (b === "lapsed" || b === "lost" ? tStatus(b) : tRung(b as never));
  const axisPeriod = {
    value: t(`axisPeriod.${range.grain}`),
    position: "insideBottom",
    offset: -12,
    fontSize: 12,
  } as const;
  const axisAccounts = {
    value: t("axisAccounts"),
    angle: -90,
    position: "insideLeft",
    fontSize: 12,
  } as const;
  const anyAccounts = stack.some((s) => STACK_BANDS.some((b) => s[b] > 0));
  const anyMoves = flows.some((f) => FLOWS.some((k) => f[k] > 0));

  return (
    <div className="space-y-5">
      <ChartCard
        title={t("stackTitle")}
        info={t("stackInfo")}
        csvName={`ladder-over-time-${range.grain}.csv`}
        csv={[["period", ...STACK_BANDS], ...stack.map((s) => [s.label, ...STACK_BANDS.map((b) => s[b])])]}
        chart={
          anyAccounts ? (
            <div className="h-80" role="img" aria-label={t("stackTitle")}>
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart data={stack} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} label={axisPeriod} />
                  <YAxis
                    tickFormatter={compact}
                    allowDecimals={false}
                    tick={{ fontSize: 11 }}
                    label={axisAccounts}
                  />
                  <Tooltip />
                  <Legend itemSorter={null} verticalAlign="top" height={44} />
                  {STACK_BANDS.map((b) => (
                    <Area
                      key={b}
                      type="monotone"
                      dataKey={b}
                      name={bandName(b)}
                      stackId="ladder"
                      stroke={BAND_COLORS[b]}
                      fill={BAND_COLORS[b]}
                      fillOpacity={0.85}
                      isAnimationActive={false}
                    />
                  ))}
                </AreaChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <EmptyState title={t("empty")} body={t("emptyBody")} />
          )
        }
        table={
          <table className="w-full text-left text-xs">
            <caption className="sr-only">{t("stackTitle")}</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t(`axisPeriod.${range.grain}`)}
                </th>
                {STACK_BANDS.map((b) => (
                  <th key={b} scope="col" className={`${th} text-right`}>
                    {bandName(b)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stack.map((s) => (
                <tr key={s.period} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    {s.label}
                  </th>
                  {STACK_BANDS.map((b) => (
                    <td key={b} className={td}>
                      {s[b].toLocaleString()}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <ChartCard
        title={t("flowsTitle")}
        info={t("flowsInfo")}
        csvName={`ladder-flows-${range.grain}.csv`}
        csv={[
          ["period", "up", "down", "off_lapsed_or_lost", "won_back"],
          ...flows.map((f) => [f.label, f.up, f.down, f.off, f.wonBack]),
        ]}
        chart={
          anyMoves ? (
            <div className="h-72" role="img" aria-label={t("flowsTitle")}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={flows} margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} label={axisPeriod} />
                  <YAxis
                    tickFormatter={compact}
                    allowDecimals={false}
                    tick={{ fontSize: 11 }}
                    label={axisAccounts}
                  />
                  <Tooltip />
                  <Legend itemSorter={null} verticalAlign="top" height={28} />
                  {FLOWS.map((k) => (
                    <Bar
                      key={k}
                      dataKey={k}
                      name={t(`flows.${k}`)}
                      fill={FLOW_COLORS[k]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
          ) : (
            <EmptyState title={t("noMoves")} />
          )
        }
        table={
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("flowsTitle")}</caption>
            <thead className="border-b border-slate-200 text-xs text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t(`axisPeriod.${range.grain}`)}
                </th>
                {FLOWS.map((k) => (
                  <th key={k} scope="col" className={`${th} text-right`}>
                    {t(`flows.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {flows.map((f) => (
                <tr key={f.period} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="px-2 py-1.5 font-normal">
                    {f.label}
                  </th>
                  {FLOWS.map((k) => (
                    <td key={k} className={td}>
                      {f[k].toLocaleString()}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </div>
  );
}
