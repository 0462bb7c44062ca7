"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { FilterBar, useApplyFilters } from "@/app/(crm)/_components/filter-bar";
import {
  convertRange,
  GRAINS,
  type Grain,
  parsePeriod,
  periodIndex,
  periodLabel,
  rangeLabels,
} from "@/lib/periods";
import { MAX_PERIODS } from "@/server/executive/trends.rules";
import type { PeriodRangeInput } from "@/server/executive/trends.schemas";

/** The first and last period picked; the last must not come before the first. */
function rangeForm(grain: Grain, message: string) {
  return z
    .object({ from: z.string(), to: z.string() })
    .refine((v) => parsePeriod(v.to, grain) >= parsePeriod(v.from, grain), { path: ["to"], error: message });
}

/**
 * Grain switch (month | quarter) and the range's first and last period, all kept in the URL. The pickers run
 * from the first period with data (`first`, a period index at the range's grain) to the current one.
 */
export function RangeForm({ range, first }: { range: PeriodRangeInput; first: number | null }) {
  const t = useTranslations("executive.range");
  const apply = useApplyFilters();
  const schema = rangeForm(range.grain, t("orderError"));
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { from: range.from, to: range.to } });
  const go = (next: PeriodRangeInput) => apply(String(new URLSearchParams(next)));
  const current = periodIndex(Date.now(), range.grain);
  // No data yet: two years back. A bookmarked range that starts earlier keeps its start on offer.
  const start = Math.min(
    Math.max(first ?? current - 23, current - MAX_PERIODS + 1),
    parsePeriod(range.from, range.grain),
  );
  const options = [];
  for (let p = current; p >= start; p -= 1) {
    const label = periodLabel(p, range.grain);
    options.push({ value: label, label });
  }
  const switchTo = (grain: Grain) => {
    const r = {
      grain: range.grain,
      from: parsePeriod(range.from, range.grain),
      to: parsePeriod(range.to, range.grain),
    };
    const next = rangeLabels(convertRange(r, grain));
    form.reset({ from: next.from, to: next.to });
    go(next);
  };

  return (
    <div className="no-print mb-5 flex flex-wrap items-end gap-4">
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("grain")}</legend>
        <div className="flex gap-1">
          {GRAINS.map((g) => (
            <Button
              key={g}
              type="button"
              size="sm"
              variant={g === range.grain ? "primary" : "secondary"}
              aria-pressed={g === range.grain}
              onClick={() => g !== range.grain && switchTo(g)}
            >
              {t(g)}
            </Button>
          ))}
        </div>
      </fieldset>
      <FilterBar
        label={t("range")}
        apply={t("apply")}
        onSubmit={form.handleSubmit(({ from, to }) => go({ grain: range.grain, from, to }))}
      >
        <SelectField label={t("from")} options={options} className="w-36" {...form.register("from")} />
        <SelectField
          label={t("to")}
          options={options}
          className="w-36"
          error={form.formState.errors.to?.message}
          {...form.register("to")}
        />
      </FilterBar>
    </div>
  );
}
