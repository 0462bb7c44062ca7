"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SelectField } from "@/app/_components/ui/field";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { ALL_RUNGS, CUSTOMER_INTERFACES, LEVELS } from "@/db/schema";
import {
  type Breakdown,
  DASHBOARD_MONTHS,
  type FeedbackDashboardFilters,
} from "@/server/feedback/dashboard.schemas";
import { filtersQuery, parseFilters, STAYING_DAYS } from "./dashboard-filters";
import { CreditCard, ReferralsCard, ThemeMatrixCard, ThemesCard, WaitingCard } from "./listening-cards";
import { BreakdownCard, CsatCard, NpsCard, OutcomeCard } from "./score-cards";
import { DefectedPromoters, StayingCard } from "./staying-card";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-4">
      <h2 className="text-base font-semibold text-slate-800">{title}</h2>
      {children}
    </section>
  );
}

/**
 * The feedback dashboard: filters in the URL (each change a step Back returns from), every figure from the
 * server, in four sections. While a changed filter's figures load, the previous ones stay on screen.
 */
export function FeedbackDashboardView() {
  const t = useTranslations("feedbackDashboard");
  const tRung = useTranslations("enums.rung");
  const tLevel = useTranslations("enums.level");
  const tIface = useTranslations("feedback.interface");
  const trpc = useTRPC();
  const [filters, go] = useUrlView(parseFilters, filtersQuery);
  const keep = { placeholderData: keepPreviousData };
  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const scores = useQuery(trpc.feedbackDashboard.scores.queryOptions(filters, keep));
  const breakdown = useQuery(trpc.feedbackDashboard.breakdown.queryOptions(filters, keep));
  const outcome = useQuery(trpc.feedbackDashboard.csatByOutcome.queryOptions(filters, keep));
  const staying = useQuery(trpc.feedbackDashboard.staying.queryOptions(filters, keep));
  const themes = useQuery(trpc.feedbackDashboard.themes.queryOptions(filters, keep));
  const waiting = useQuery(trpc.feedbackDashboard.waiting.queryOptions(filters, keep));
  const referrals = useQuery(trpc.feedbackDashboard.referrals.queryOptions(filters, keep));

  const set = <K extends keyof FeedbackDashboardFilters>(key: K, value: FeedbackDashboardFilters[K]) =>
    go({ ...filters, [key]: value });
  const owners = options.data?.owners ?? [];
  const labelOf = (by: Breakdown, key: string | null) => {
    if (key === null) return t("breakdown.none");
    if (by === "rung") return tRung(key as "repeat");
    if (by === "level") return tLevel(key as "basic");
    if (by === "owner")
      return (
        owners.find((o) => o.id === key)?.name ?? breakdown.data?.nps.find((r) => r.key === key)?.label ?? key
      );
    return key;
  };
  const any = { value: "", label: t("filters.any") };
  // A changed filter's figures are loading: the previous ones stay, dimmed, and assistive tech hears it is busy.
  const updating = [scores, breakdown, outcome, staying, themes, waiting, referrals].some(
    (q) => q.isPlaceholderData,
  );

  return (
    <div className="space-y-8" aria-busy={updating}>
      <form
        aria-label={t("filters.label")}
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label={t("filters.months")}
          value={String(filters.months)}
          onChange={(e) => set("months", Number(e.target.value))}
          options={DASHBOARD_MONTHS.map((m) => ({
            value: String(m),
            label: t("filters.monthsOption", { months: m }),
          }))}
        />
        <SelectField
          label={t("filters.segment")}
          value={filters.segment ?? ""}
          onChange={(e) => set("segment", e.target.value || null)}
          options={[any, ...(options.data?.segments ?? []).map((s) => ({ value: s, label: s }))]}
        />
        <SelectField
          label={t("filters.owner")}
          value={filters.ownerId ?? ""}
          onChange={(e) => set("ownerId", e.target.value || null)}
          options={[any, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
        />
        <SelectField
          label={t("filters.rung")}
          value={filters.rung ?? ""}
          onChange={(e) => set("rung", (e.target.value || null) as FeedbackDashboardFilters["rung"])}
          options={[any, ...ALL_RUNGS.map((r) => ({ value: r, label: tRung(r) }))]}
        />
        <SelectField
          label={t("filters.level")}
          value={filters.level ?? ""}
          onChange={(e) => set("level", (e.target.value || null) as FeedbackDashboardFilters["level"])}
          options={[any, ...LEVELS.map((l) => ({ value: l, label: tLevel(l) }))]}
        />
        <SelectField
          label={t("filters.days")}
          value={String(filters.days)}
          onChange={(e) => set("days", Number(e.target.value))}
          options={STAYING_DAYS.map((d) => ({
            value: String(d),
            label: t("filters.daysOption", { days: d }),
          }))}
        />
        <SelectField
          label={t("filters.interface")}
          value={filters.interface ?? ""}
          onChange={(e) =>
            set("interface", (e.target.value || null) as FeedbackDashboardFilters["interface"])
          }
          options={[any, ...CUSTOMER_INTERFACES.map((i) => ({ value: i, label: tIface(i) }))]}
        />
        <p className="text-xs text-slate-500 sm:col-span-3 lg:col-span-7">{t("filters.asSurveyed")}</p>
      </form>

      <div className={updating ? "space-y-8 opacity-60 transition-opacity" : "space-y-8"}>
        <Section title={t("sections.satisfaction")}>
          <div className="grid gap-4 xl:grid-cols-2">
            {scores.data ? <NpsCard data={scores.data} /> : null}
            {scores.data ? <CsatCard data={scores.data} /> : null}
            {breakdown.data ? (
              // Full width: its table has a column per answer class and CSAT, too wide for half a row.
              <div className="xl:col-span-2">
                <BreakdownCard data={breakdown.data} onBy={(by) => set("by", by)} labelOf={labelOf} />
              </div>
            ) : null}
            {outcome.data ? <OutcomeCard data={outcome.data} /> : null}
          </div>
        </Section>

        <Section title={t("sections.staying")}>
          {staying.data ? <StayingCard data={staying.data} /> : null}
          <DefectedPromoters filters={filters} />
        </Section>

        <Section title={t("sections.listening")}>
          {waiting.data ? <WaitingCard data={waiting.data} /> : null}
          <div className="grid gap-4 xl:grid-cols-2">
            {themes.data ? <ThemesCard data={themes.data} iface={filters.interface ?? null} /> : null}
            {themes.data ? <CreditCard data={themes.data} /> : null}
          </div>
          {themes.data ? <ThemeMatrixCard data={themes.data} /> : null}
        </Section>

        <Section title={t("sections.referrals")}>
          {referrals.data ? <ReferralsCard data={referrals.data} /> : null}
        </Section>
      </div>
    </div>
  );
}
