"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { TextField } from "@/app/_components/ui/field";
import { FilterBar, useApplyFilters } from "@/app/(crm)/_components/filter-bar";
import { addMonths } from "@/lib/periods";
import { ladderReportInput } from "@/server/reports/ladder-report.schemas";

/** The two months as picked, the end inclusive, turned into the report's period (its end exclusive) and checked. */
function periodForm(message: string) {
  return z
    .object({ start: z.string(), end: z.string() })
    .transform((v) => ({ from: v.start, to: /^\d{4}-\d{2}$/.test(v.end) ? addMonths(v.end, 1) : v.end }))
    .refine((next) => ladderReportInput.safeParse(next).success, { path: ["end"], error: message });
}

/** The report period as two month pickers; the end month is shown inclusive and kept in the URL exclusive. */
export function PeriodForm({ from, to }: { from: string; to: string }) {
  const t = useTranslations("reports.ladder");
  const apply = useApplyFilters();
  const schema = periodForm(t("periodError"));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { start: from, end: addMonths(to, -1) },
  });

  return (
    <FilterBar
      label={t("period")}
      apply={t("apply")}
      onSubmit={form.handleSubmit((next) => apply(String(new URLSearchParams(next))))}
    >
      <TextField label={t("from")} type="month" className="w-44" {...form.register("start")} />
      <TextField
        label={t("to")}
        type="month"
        className="w-44"
        error={form.formState.errors.end?.message}
        {...form.register("end")}
      />
    </FilterBar>
  );
}
