"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { FilterBar, useApplyFilters } from "@/app/(crm)/_components/filter-bar";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from "@/db/schema";
import { type DashboardParams, MONTH_CHOICES, toSearch } from "./filters";
import { useLabel } from "./labels";

/** The filters as picked and typed; the repurchase window is 7 to 730 whole days. */
function filterForm(invalidDays: string) {
  return z
    .object({ months: z.string(), channel: z.string(), category: z.string(), days: z.string() })
    .refine((v) => /^\d+$/.test(v.days) && Number(v.days) >= 7 && Number(v.days) <= 730, {
      path: ["days"],
      error: invalidDays,
    })
    .transform((v): DashboardParams => ({ ...v, months: Number(v.months), days: Number(v.days) }));
}

/** Period, channel, category and the repurchase window; applying puts them in the URL (shareable, bookmarkable). */
export function FilterForm({ params }: { params: DashboardParams }) {
  const t = useTranslations("complaintDashboard");
  const apply = useApplyFilters();
  const channel = useLabel("channels");
  const category = useLabel("categories");
  const schema = filterForm(t("invalidDays"));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { ...params, months: String(params.months), days: String(params.days) },
  });
  const months = [...new Set([...MONTH_CHOICES, params.months])].sort((a, b) => a - b);
  return (
    <FilterBar
      label={t("filters")}
      apply={t("apply")}
      onSubmit={form.handleSubmit((next) => apply(toSearch(next)))}
    >
      <SelectField
        label={t("months")}
        className="w-44"
        options={months.map((n) => ({ value: String(n), label: t("monthsOption", { n }) }))}
        {...form.register("months")}
      />
      <SelectField
        label={t("channel")}
        className="w-44"
        options={[
          { value: "", label: t("allChannels") },
          ...COMPLAINT_CHANNELS.map((c) => ({ value: c, label: channel(c) })),
        ]}
        {...form.register("channel")}
      />
      <SelectField
        label={t("category")}
        className="w-44"
        options={[
          { value: "", label: t("allCategories") },
          ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: category(c) })),
        ]}
        {...form.register("category")}
      />
      <TextField
        label={t("repurchaseDays")}
        type="number"
        inputMode="numeric"
        min={7}
        max={730}
        className="w-44"
        error={form.formState.errors.days?.message}
        {...form.register("days")}
      />
    </FilterBar>
  );
}
