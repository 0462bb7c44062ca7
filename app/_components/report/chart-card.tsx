"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { type CsvCell, downloadCsv } from "@/app/_lib/csv";

/**
 * A report figure: a title that says what it shows, the formula in an info line, the chart, and its data
 * as a table (toggle) and as CSV. The table is always in the printed page.
 */
export function ChartCard({
  title,
  info,
  chart,
  table,
  csv,
  csvName,
}: {
  title: string;
  info: string;
  chart: ReactNode;
  table: ReactNode;
  csv: readonly (readonly CsvCell[])[];
  csvName: string;
}) {
  const t = useTranslations("reports.ladder");
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  return (
    <Card
      title={title}
      actions={
        <div className="no-print flex gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-expanded={showTable}
            aria-controls={tableId}
            onClick={() => setShowTable((v) => !v)}
          >
            {showTable ? t("hideTable") : t("showTable")}
          </Button>
          <Button variant="secondary" size="sm" onClick={() => downloadCsv(csvName, csv)}>
            {t("downloadCsv")}
          </Button>
        </div>
      }
    >
      <p className="mb-3 text-xs text-slate-500">{info}</p>
      {chart}
      <div id={tableId} className={showTable ? "mt-4 overflow-x-auto" : "print-only mt-4 overflow-x-auto"}>
        {table}
      </div>
    </Card>
  );
}
