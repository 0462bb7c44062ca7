"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { addMonths } from "@/lib/periods";
import { ladderReportInput } from "@/server/reports/ladder-report.schemas";

/** The report period as two month pickers; the end month is shown inclusive and kept in the URL exclusive. */
export function PeriodForm({ from, to }: { from: string; to: string }) {
  const t = useTranslations("reports.ladder");
  const router = useRouter();
  const pathname = usePathname();
  const [start, setStart] = useState(from);
  const [end, setEnd] = useState(addMonths(to, -1));
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      aria-label={t("period")}
      className="no-print flex flex-wrap items-end gap-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const next = { from: start, to: /^\d{4}-\d{2}$/.test(end) ? addMonths(end, 1) : end };
        if (!ladderReportInput.safeParse(next).success) {
          setError(t("periodError"));
          return;
        }
        setError(null);
        router.push(`${pathname}?${new URLSearchParams(next)}`);
      }}
    >
      <TextField
        label={t("from")}
        type="month"
        value={start}
        onChange={(e) => setStart(e.target.value)}
        className="w-44"
      />
      <TextField
        label={t("to")}
        type="month"
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        className="w-44"
        error={error ?? undefined}
      />
      <Button type="submit">{t("apply")}</Button>
    </form>
  );
}
