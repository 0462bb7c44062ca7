"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart, ParetoChart, PeriodChart, useParetoReport } from "@/app/_components/report/charts";
import { COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useThemeLabel } from "@/app/(crm)/_components/listening/labels";
import type { AppRouter } from "@/server/root";

type Out = inferRouterOutputs<AppRouter>["feedbackDashboard"];

/** Themes as Pareto bars (all interfaces or one), with the sentiment mix under the title. */
export function ThemesCard({ data, iface }: { data: Out["themes"]; iface: string | null }) {
  const t = useTranslations("feedbackDashboard.themes");
  const tIface = useTranslations("feedback.interface");
  const f = useFormat();
  const themeLabel = useThemeLabel();
  const report = useParetoReport(data.pareto, {
    what: t("theme"),
    countLabel: t("count"),
    labelOf: themeLabel,
    csv: { key: "theme", count: "feedback" },
  });
  const title = iface ? t("titleInterface", { interface: tIface(iface as "sales") }) : t("title");
  return (
    <ChartCard
      title={title}
      info={
        <>
          {t("formula")}{" "}
          {data.total > 0
            ? t("sentiments", {
                praise: f.value("count", data.sentiments.praise),
                suggestion: f.value("count", data.sentiments.suggestion),
                problem: f.value("count", data.sentiments.problem),
              })
            : null}
        </>
      }
      report={report}
      csvName="feedback-themes.csv"
      chart={<ParetoChart report={report} label={title} empty={<EmptyState title={t("empty")} />} />}
    />
  );
}

/** Each theme's count per customer interface: where in the company customers say what. */
export function ThemeMatrixCard({ data }: { data: Out["themes"] }) {
  const t = useTranslations("feedbackDashboard.themes");
  const tIface = useTranslations("feedback.interface");
  const f = useFormat();
  const themeLabel = useThemeLabel();
  const csv = [
    ["theme", ...data.interfaces],
    ...data.matrix.map((m) => [m.theme, ...data.interfaces.map((i) => m.counts[i] ?? 0)]),
  ];
  const table = (
    <DataTable
      caption={t("matrixTitle")}
      variant="report"
      narrow="scroll"
      rows={data.matrix}
      rowKey={(m) => m.theme}
      empty={<EmptyState title={t("empty")} />}
      columns={[
        { key: "theme", header: t("theme"), rowHeader: true, cell: (m) => themeLabel(m.theme) },
        ...data.interfaces.map((i) => ({
          key: i,
          header: tIface(i as "sales"),
          align: "right" as const,
          cell: (m: (typeof data.matrix)[number]) => f.value("count", m.counts[i] ?? 0),
        })),
      ]}
    />
  );
  return (
    <ChartCard
      title={t("matrixTitle")}
      info={t("matrixFormula")}
      chart={table}
      table={<span />}
      csv={csv}
      csvName="themes-by-interface.csv"
    />
  );
}

/** How many pieces of feedback each person shared: credit for passing on what customers say. */
export function CreditCard({ data }: { data: Out["themes"] }) {
  const t = useTranslations("feedbackDashboard.credit");
  const report: Report = {
    rows: data.credit,
    category: { key: "name", label: t("person"), csv: "person" },
    series: [
      { key: "count", label: t("count"), format: "count", color: COLORS.primary, csv: "feedback_shared" },
      { key: "problems", label: t("problems"), format: "count", chart: false },
    ],
  };
  return (
    <ChartCard
      title={t("title")}
      info={t("formula")}
      report={report}
      csvName="feedback-shared-per-person.csv"
      chart={
        <CategoryChart
          report={report}
          label={t("title")}
          horizontal
          empty={<EmptyState title={t("empty")} />}
        />
      }
    />
  );
}

/** What waits for action now, and how long closing took (median, p90): feedback and survey loops. */
export function WaitingCard({ data }: { data: Out["waiting"] }) {
  const t = useTranslations("feedbackDashboard.waiting");
  const f = useFormat();
  const duration = (ms: number | null) =>
    ms === null ? f.none : ms < 2 * 86_400_000 ? f.value("hours", ms) : f.value("days", ms);
  const rows = [
    { measure: t("feedbackOpen"), value: f.value("count", data.feedback.open), raw: data.feedback.open },
    {
      measure: t("overdue", { count: "" }).trim(),
      value: f.value("count", data.feedback.overdue),
      raw: data.feedback.overdue,
    },
    { measure: t("loopsOpen"), value: f.value("count", data.loops.open), raw: data.loops.open },
    {
      measure: `${t("loopsOpen")} · ${t("overdue", { count: "" }).trim()}`,
      value: f.value("count", data.loops.overdue),
      raw: data.loops.overdue,
    },
  ];
  const csv = [
    ["measure", "value"],
    ["feedback_open", data.feedback.open],
    ["feedback_overdue", data.feedback.overdue],
    ["feedback_closed", data.feedback.closed],
    ["feedback_close_median_hours", data.feedback.median === null ? null : data.feedback.median / 3_600_000],
    ["feedback_close_p90_hours", data.feedback.p90 === null ? null : data.feedback.p90 / 3_600_000],
    ["loops_open", data.loops.open],
    ["loops_overdue", data.loops.overdue],
    ["loops_closed", data.loops.closed],
    ["loop_close_median_hours", data.loops.median === null ? null : data.loops.median / 3_600_000],
    ["loop_close_p90_hours", data.loops.p90 === null ? null : data.loops.p90 / 3_600_000],
  ];
  const tile = (label: string, big: string, lines: string[]) => (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{big}</p>
      {lines.map((l) => (
        <p key={l} className="text-xs text-slate-600">
          {l}
        </p>
      ))}
    </div>
  );
  const tiles = (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="waiting-tiles">
      {tile(t("feedbackOpen"), f.value("count", data.feedback.open), [
        t("overdue", { count: f.value("count", data.feedback.overdue) }),
      ])}
      {tile(t("loopsOpen"), f.value("count", data.loops.open), [
        t("overdue", { count: f.value("count", data.loops.overdue) }),
      ])}
      {tile(t("feedbackTime"), duration(data.feedback.median), [
        t("p90", { value: duration(data.feedback.p90) }),
        t("closed", { count: f.value("count", data.feedback.closed) }),
      ])}
      {tile(t("loopTime"), duration(data.loops.median), [
        t("p90", { value: duration(data.loops.p90) }),
        t("closed", { count: f.value("count", data.loops.closed) }),
      ])}
    </div>
  );
  const table = (
    <DataTable
      caption={t("title")}
      variant="report"
      rows={[
        ...rows,
        { measure: t("feedbackClosed"), value: f.value("count", data.feedback.closed), raw: 0 },
        { measure: `${t("feedbackTime")} (median)`, value: duration(data.feedback.median), raw: 0 },
        { measure: `${t("feedbackTime")} (p90)`, value: duration(data.feedback.p90), raw: 0 },
        { measure: t("loopsClosed"), value: f.value("count", data.loops.closed), raw: 0 },
        { measure: `${t("loopTime")} (median)`, value: duration(data.loops.median), raw: 0 },
        { measure: `${t("loopTime")} (p90)`, value: duration(data.loops.p90), raw: 0 },
      ]}
      rowKey={(r) => r.measure}
      columns={[
        { key: "measure", header: t("measure"), rowHeader: true, cell: (r) => r.measure },
        { key: "value", header: t("value"), align: "right", cell: (r) => r.value },
      ]}
    />
  );
  return (
    <ChartCard
      title={t("title")}
      info={t("formula")}
      chart={tiles}
      table={table}
      csv={csv}
      csvName="waiting-and-closing.csv"
    />
  );
}

/** Share of new accounts by referral per month, beside the literature's 63% (recommendation) and 25% (TV). */
export function ReferralsCard({ data }: { data: Out["referrals"] }) {
  const t = useTranslations("feedbackDashboard.referrals");
  const tNps = useTranslations("feedbackDashboard.nps");
  const f = useFormat();
  const rows = data.periods.map((p) => ({
    ...p,
    friends: data.literature.friendRecommendation,
    tv: data.literature.tv,
  }));
  const report: Report = {
    rows,
    category: { key: "period", label: tNps("month") },
    series: [
      { key: "share", label: t("share"), format: "percent", chart: "line", color: COLORS.primary },
      {
        key: "friends",
        label: t("friends"),
        format: "percent",
        chart: "line",
        color: COLORS.good,
        table: false,
      },
      { key: "tv", label: t("tv"), format: "percent", chart: "line", color: COLORS.neutral, table: false },
      { key: "newAccounts", label: t("newAccounts"), format: "count", chart: false },
      { key: "referred", label: t("referred"), format: "count", chart: false },
    ],
  };
  return (
    <ChartCard
      title={t("title")}
      info={
        <>
          {t("formula")}{" "}
          {data.total.newAccounts > 0
            ? t("total", {
                referred: f.value("count", data.total.referred),
                total: f.value("count", data.total.newAccounts),
                share: f.value("percent", data.total.share),
              })
            : null}
        </>
      }
      report={report}
      csvName="new-accounts-by-referral.csv"
      chart={
        data.total.newAccounts === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <PeriodChart report={report} label={t("title")} mark="line" />
        )
      }
    />
  );
}
