"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { controlClass, SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { FilterBar, useApplyFilters } from "@/app/(crm)/_components/filter-bar";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { type DashboardParams, toSearch } from "./filters";

/** Both months given, the first not after the last. */
function filterForm(message: string) {
  return z
    .object({
      from: z.string(),
      to: z.string(),
      grain: z.enum(["month", "quarter"]),
      owners: z.array(z.string()),
      segment: z.string(),
    })
    .refine((v) => v.from && v.to && v.from <= v.to, { path: ["to"], error: message });
}

/** Period, grain, owners and segment; applying puts them in the URL so the view can be shared and bookmarked. */
export function FilterForm({ params }: { params: DashboardParams }) {
  const t = useTranslations("deals.dashboard");
  const name = useNameLabel();
  const trpc = useTRPC();
  const apply = useApplyFilters();
  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const form = useForm<DashboardParams>({
    resolver: zodResolver(filterForm(t("to"))),
    defaultValues: params,
  });
  const owners = form.watch("owners");
  return (
    <FilterBar
      label={t("title")}
      apply={t("apply")}
      onSubmit={form.handleSubmit((next) => apply(toSearch(next)))}
      after={
        owners?.length ? (
          <Button variant="ghost" onClick={() => form.setValue("owners", [])}>
            {t("allOwners")}
          </Button>
        ) : null
      }
    >
      <TextField label={t("from")} type="month" className="w-40" {...form.register("from")} />
      <TextField
        label={t("to")}
        type="month"
        className="w-40"
        error={form.formState.errors.to?.message}
        {...form.register("to")}
      />
      <SelectField
        label={t("grain")}
        className="w-32"
        options={[
          { value: "month", label: t("month") },
          { value: "quarter", label: t("quarter") },
        ]}
        {...form.register("grain")}
      />
      <div className="space-y-1">
        <label htmlFor="owners" className="block text-sm font-medium text-slate-700">
          {t("owners")}
        </label>
        {/* Controlled: the owners arrive after the form, and a chosen one must show as chosen then. */}
        <select
          id="owners"
          multiple
          size={3}
          className={`${controlClass} w-56`}
          value={owners}
          onChange={(e) =>
            form.setValue(
              "owners",
              [...e.target.selectedOptions].map((o) => o.value),
            )
          }
        >
          {(options.data?.owners ?? []).map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <SelectField
        label={t("segment")}
        className="w-44"
        options={[
          { value: "", label: t("allSegments") },
          ...(options.data?.segments ?? []).map((s) => ({ value: s, label: name("segment", s) })),
        ]}
        {...form.register("segment")}
      />
    </FilterBar>
  );
}
