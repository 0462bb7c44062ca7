"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { controlClass, SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { type DashboardParams, toSearch } from "./filters";

/** Period, grain, owners and segment; applying puts them in the URL so the view can be shared and bookmarked. */
export function FilterForm({ params }: { params: DashboardParams }) {
  const t = useTranslations("deals.dashboard");
  const name = useNameLabel();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  const [draft, setDraft] = useState(params);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      aria-label={t("title")}
      noValidate
      className="no-print flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft.from || !draft.to || draft.from > draft.to) {
          setError(t("to"));
          return;
        }
        setError(undefined);
        router.push(`${pathname}?${toSearch(draft)}`);
      }}
    >
      <TextField
        label={t("from")}
        type="month"
        className="w-40"
        value={draft.from}
        onChange={(e) => setDraft({ ...draft, from: e.target.value })}
      />
      <TextField
        label={t("to")}
        type="month"
        className="w-40"
        value={draft.to}
        onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        error={error}
      />
      <SelectField
        label={t("grain")}
        className="w-32"
        value={draft.grain}
        onChange={(e) => setDraft({ ...draft, grain: e.target.value as "month" | "quarter" })}
        options={[
          { value: "month", label: t("month") },
          { value: "quarter", label: t("quarter") },
        ]}
      />
      <div className="space-y-1">
        <label htmlFor="owners" className="block text-sm font-medium text-slate-700">
          {t("owners")}
        </label>
        <select
          id="owners"
          multiple
          size={3}
          className={`${controlClass} w-56`}
          value={draft.owners}
          onChange={(e) => setDraft({ ...draft, owners: [...e.target.selectedOptions].map((o) => o.value) })}
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
        value={draft.segment}
        onChange={(e) => setDraft({ ...draft, segment: e.target.value })}
        options={[
          { value: "", label: t("allSegments") },
          ...(options.data?.segments ?? []).map((s) => ({ value: s, label: name("segment", s) })),
        ]}
      />
      <Button type="submit">{t("apply")}</Button>
      {draft.owners.length ? (
        <Button variant="ghost" onClick={() => setDraft({ ...draft, owners: [] })}>
          {t("allOwners")}
        </Button>
      ) : null}
    </form>
  );
}
