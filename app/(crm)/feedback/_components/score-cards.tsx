"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart, PeriodChart, StackedPeriodChart } from "@/app/_components/report/charts";
import { COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { EmptyState } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { BREAKDOWNS, type Breakdown } from "@/server/feedback/dashboard.schemas";
import type { AppRouter } from "@/server/root";

type Out = inferRouterOutputs<AppRouter>["feedbackDashboard"];
const share = (points: number | null) => (points === null ? null : points / 100);

/** NPS per month: promoters, passives and detractors stacked, NPS as the line (right axis). */
export function NpsCard({ data }: { data: Out["scores"] }) {
  const t = useTranslations("feedbackDashboard.nps");
  const f = useFormat();
  const report: Report = {
    rows: data.nps.periods,
    category: { key: "period", label: t("month") },
    series: [
      { key: "promoters", label: t("promoters"), format: "count", color: COLORS.good },
      { key: "passives", label: t("passives"), format: "count", color: COLORS.neutral },
      { key: "detractors", label: t("detractors"), format: "count", color: COLORS.bad },
      { key: "nps", label: t("nps"), format: "decimal", chart: "line", axis: "right" },
      { key: "answered", label: t("answered"), format: "count", chart: false },
      { key: "sent", label: t("sent"), format: "count", chart: false },
      { key: "responseRate", label: t("responseRate"), format: "percent", chart: false },
    ],
  };
  const total = data.nps.total;
  return (
    <ChartCard
      title={t("title")}
      info={
        <>
          {t("formula")}{" "}
          {total.answered > 0
            ? t("total", {
                answered: f.value("count", total.answered),
                sent: f.value("count", total.sent),
                rate: f.value("percent", total.responseRate),
                nps: f.value("decimal", total.nps),
              })
            : null}
        </>
      }
      report={report}
      csvName="nps-per-month.csv"
      chart={
        <StackedPeriodChart
          report={report}
          label={t("title")}
          yLabel={t("answered")}
          yRightLabel={t("nps")}
          empty={<EmptyState title={t("empty")} />}
        />
      }
    />
  );
}

/** CSAT per month after complaints and after won deals, as shares of 4s and 5s. */
export function CsatCard({ data }: { data: Out["scores"] }) {
  const t = useTranslations("feedbackDashboard.csat");
  const tNps = useTranslations("feedbackDashboard.nps");
  const rows = data.csatComplaint.periods.map((c, i) => {
    const d = data.csatDeal.periods[i];
    return {
      period: c.period,
      complaint: share(c.csat),
      deal: share(d?.csat ?? null),
      complaintAnswers: c.satisfied + c.neutral + c.dissatisfied,
      dealAnswers: (d?.satisfied ?? 0) + (d?.neutral ?? 0) + (d?.dissatisfied ?? 0),
      complaintRate: c.responseRate,
      dealRate: d?.responseRate ?? null,
    };
  });
  const report: Report = {
    rows,
    category: { key: "period", label: tNps("month") },
    series: [
      {
        key: "complaint",
        label: t("complaint"),
        format: "percent",
        chart: "line",
        csv: "csat_after_complaint",
      },
      { key: "deal", label: t("deal"), format: "percent", chart: "line", csv: "csat_after_deal" },
      { key: "complaintAnswers", label: t("complaintAnswers"), format: "count", chart: false },
      { key: "dealAnswers", label: t("dealAnswers"), format: "count", chart: false },
      { key: "complaintRate", label: t("complaintRate"), format: "percent", chart: false },
      { key: "dealRate", label: t("dealRate"), format: "percent", chart: false },
    ],
  };
  return (
    <ChartCard
      title={t("title")}
      info={t("formula")}
      report={report}
      csvName="csat-per-month.csv"
      chart={
        <PeriodChart
          report={report}
          label={t("title")}
          mark="line"
          empty={<EmptyState title={t("empty")} />}
        />
      }
    />
  );
}

/** NPS (bars) by rung, level, segment or owner, with counts, response rates and CSAT in the table. */
export function BreakdownCard({
  data,
  onBy,
  labelOf,
}: {
  data: Out["breakdown"];
  onBy: (by: Breakdown) => void;
  labelOf: (by: Breakdown, key: string | null) => string;
}) {
  const t = useTranslations("feedbackDashboard.breakdown");
  const tNps = useTranslations("feedbackDashboard.nps");
  const keys = new Set<string>();
  for (const r of [...data.nps, ...data.csatComplaint, ...data.csatDeal]) keys.add(String(r.key));
  const rows = [...keys].map((k) => {
    const n = data.nps.find((r) => String(r.key) === k);
    const c = data.csatComplaint.find((r) => String(r.key) === k);
    const d = data.csatDeal.find((r) => String(r.key) === k);
    const key = k === "null" ? null : k;
    return {
      key: k,
      group: labelOf(data.by, key),
      nps: n?.nps ?? null,
      answered: n?.answered ?? 0,
      sent: n?.sent ?? 0,
      responseRate: n?.responseRate ?? null,
      promoters: n?.promoters ?? 0,
      detractors: n?.detractors ?? 0,
      csat: share(c?.csat ?? null),
      csatDeal: share(d?.csat ?? null),
    };
  });
  const title = t("title", { by: t(`by.${data.by}`) });
  const report: Report = {
    rows,
    category: { key: "group", label: t("group"), csv: data.by, csvValue: (r) => String(r.key) },
    series: [
      { key: "nps", label: tNps("nps"), format: "decimal", color: COLORS.primary },
      { key: "answered", label: tNps("answered"), format: "count", chart: false },
      { key: "sent", label: tNps("sent"), format: "count", chart: false },
      { key: "responseRate", label: tNps("responseRate"), format: "percent", chart: false },
      { key: "promoters", label: tNps("promoters"), format: "count", chart: false },
      { key: "detractors", label: tNps("detractors"), format: "count", chart: false },
      { key: "csat", label: t("csat"), format: "percent", chart: false },
      { key: "csatDeal", label: t("csatDeal"), format: "percent", chart: false },
    ],
  };
  return (
    <ChartCard
      title={title}
      info={t("formula")}
      report={report}
      csvName={`nps-by-${data.by}.csv`}
      actions={
        <SelectField
          label={t("choose")}
          className="min-w-36"
          value={data.by}
          onChange={(e) => onBy(e.target.value as Breakdown)}
          options={BREAKDOWNS.map((b) => ({ value: b, label: t(`by.${b}`) }))}
        />
      }
      chart={
        <CategoryChart report={report} label={title} horizontal empty={<EmptyState title={t("empty")} />} />
      }
    />
  );
}

/** CSAT after complaints by how they ended: the literature's point that recovery wins loyalty, measured. */
export function OutcomeCard({ data }: { data: Out["csatByOutcome"] }) {
  const t = useTranslations("feedbackDashboard.outcome");
  const rows = data.map((r) => ({ ...r, name: t(`names.${r.outcome}`), share: share(r.csat) }));
  const report: Report = {
    rows,
    category: { key: "name", label: t("outcome"), csv: "outcome", csvValue: (r) => String(r.outcome) },
    series: [
      { key: "share", label: "CSAT", format: "percent", color: COLORS.primary, csv: "csat" },
      { key: "satisfied", label: t("satisfied"), format: "count", chart: false },
      { key: "neutral", label: t("neutral"), format: "count", chart: false },
      { key: "dissatisfied", label: t("dissatisfied"), format: "count", chart: false },
    ],
  };
  return (
    <ChartCard
      title={t("title")}
      info={t("formula")}
      report={report}
      csvName="csat-by-complaint-outcome.csv"
      chart={<CategoryChart report={report} label={t("title")} empty={<EmptyState title={t("empty")} />} />}
    />
  );
}

export { BREAKDOWNS };
