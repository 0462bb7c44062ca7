"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS } from "@/db/schema";
import { type DashboardParams, MONTH_CHOICES, toSearch } from "./filters";
import { useLabel } from "./labels";

/** Period, channel, category and the repurchase window; applying puts them in the URL (shareable, bookmarkable). */
export function FilterForm({ params }: { params: DashboardParams }) {
  const t = useTranslations("complaintDashboard");
  const router = useRouter();
  const pathname = usePathname();
  const channel = useLabel("channels");
  const category = useLabel("categories");
  const [draft, setDraft] = useState({ ...params, days: String(params.days) });
  const [error, setError] = useState<string | undefined>();
  const months = [...new Set([...MONTH_CHOICES, params.months])].sort((a, b) => a - b);
  return (
    <form
      aria-label={t("filters")}
      noValidate
      className="no-print flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const days = Number(draft.days);
        if (!/^\d+$/.test(draft.days) || days < 7 || days > 730) {
          setError(t("invalidDays"));
          return;
        }
        setError(undefined);
        router.push(`${pathname}?${toSearch({ ...draft, days })}`);
      }}
    >
      <SelectField
        label={t("months")}
        className="w-44"
        value={String(draft.months)}
        onChange={(e) => setDraft({ ...draft, months: Number(e.target.value) })}
        options={months.map((n) => ({ value: String(n), label: t("monthsOption", { n }) }))}
      />
      <SelectField
        label={t("channel")}
        className="w-44"
        value={draft.channel}
        onChange={(e) => setDraft({ ...draft, channel: e.target.value })}
        options={[
          { value: "", label: t("allChannels") },
          ...COMPLAINT_CHANNELS.map((c) => ({ value: c, label: channel(c) })),
        ]}
      />
      <SelectField
        label={t("category")}
        className="w-44"
        value={draft.category}
        onChange={(e) => setDraft({ ...draft, category: e.target.value })}
        options={[
          { value: "", label: t("allCategories") },
          ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: category(c) })),
        ]}
      />
      <TextField
        label={t("repurchaseDays")}
        type="number"
        inputMode="numeric"
        min={7}
        max={730}
        className="w-44"
        value={draft.days}
        onChange={(e) => setDraft({ ...draft, days: e.target.value })}
        error={error}
      />
      <Button type="submit">{t("apply")}</Button>
    </form>
  );
}
