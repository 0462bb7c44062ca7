"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
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

/**
 * Grain switch (month | quarter) and the range's first and last period, all kept in the URL. The pickers run
 * from the first period with data (`first`, a period index at the range's grain) to the current one.
 */
export function RangeForm({ range, first }: { range: PeriodRangeInput; first: number | null }) {
  const t = useTranslations("executive.range");
  const router = useRouter();
  const pathname = usePathname();
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);
  const go = (next: PeriodRangeInput) => {
    router.push(`${pathname}?${new URLSearchParams(next)}`);
  };
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
    setFrom(next.from);
    setTo(next.to);
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
      <form
        aria-label={t("range")}
        className="flex flex-wrap items-end gap-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (parsePeriod(to, range.grain) < parsePeriod(from, range.grain)) {
            setError(t("orderError"));
            return;
          }
          setError(null);
          go({ grain: range.grain, from, to });
        }}
      >
        <SelectField
          label={t("from")}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          options={options}
          className="w-36"
        />
        <SelectField
          label={t("to")}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          options={options}
          className="w-36"
          error={error ?? undefined}
        />
        <Button type="submit">{t("apply")}</Button>
      </form>
    </div>
  );
}
