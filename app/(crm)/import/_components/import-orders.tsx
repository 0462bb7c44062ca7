"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { Rung } from "@/db/schema";
import { type CsvTable, readCsvHead } from "@/server/imports/import.parse";
import {
  type ColumnMapping,
  guessMapping,
  IMPORT_FIELDS,
  MAX_CSV_CHARS,
} from "@/server/imports/import.schemas";

const SUMMARY_KEYS = [
  "rowsRead",
  "rowsSkipped",
  "ordersInFile",
  "ordersCreated",
  "ordersAlreadyPresent",
  "accountsCreated",
  "accountsMatched",
] as const;

/** Choose a file, map its columns (pre-filled by guessing), check it with a dry run, then import it. */
export function ImportOrders() {
  const t = useTranslations("import");
  const tRung = useTranslations("enums.rung");
  const trpc = useTRPC();
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; text: string; table: CsvTable } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<ColumnMapping>>({});
  const [allowPartial, setAllowPartial] = useState(false);
  const run = useMutation(trpc.imports.run.mutationOptions());

  const onFile = async (picked: File | undefined) => {
    run.reset();
    setFile(null);
    setReadError(null);
    if (!picked) return;
    if (picked.size > MAX_CSV_CHARS) {
      setReadError(t("fileHint"));
      return;
    }
    try {
      const text = await picked.text();
      // Only the header and five rows are parsed here, for the preview and the mapping; the server reads the rest.
      const table = readCsvHead(text, 5);
      if (table.header.length === 0) throw new Error("empty");
      setFile({ name: picked.name, text, table });
      setMapping(guessMapping(table.header));
    } catch {
      setReadError(t("readError"));
    }
  };

  const submit = (dryRun: boolean) => {
    if (!file) return;
    run.mutate({
      fileName: file.name,
      csv: file.text,
      mapping: mapping as ColumnMapping,
      dryRun,
      allowPartial,
    });
  };
  const fieldErrors = run.error?.data?.fieldErrors;
  const result = run.data;

  return (
    <div className="space-y-5">
      <Card>
        <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
          {t("file")}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => onFile(e.target.files?.[0])}
        />
        <p id={`${fileId}-hint`} className="mt-1 text-xs text-slate-500">
          {t("fileHint")}
        </p>
        {readError ? (
          <div className="mt-3">
            <Alert>{readError}</Alert>
          </div>
        ) : null}
      </Card>

      {file ? (
        <>
          <Card title={t("preview", { name: file.name })}>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-xs">
                <thead className="border-b border-slate-200 text-slate-600">
                  <tr>
                    {file.table.header.map((h) => (
                      <th key={h} scope="col" className="whitespace-nowrap px-2 py-1.5 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {file.table.rows.slice(0, 5).map((r) => (
                    <tr key={r.line} className="border-b border-slate-100 last:border-0">
                      {file.table.header.map((h, i) => (
                        <td key={h} className="max-w-48 truncate whitespace-nowrap px-2 py-1.5">
                          {r.cells[i]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>

          <Card title={t("mapping")}>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {IMPORT_FIELDS.map((field) => (
                <SelectField
                  key={field}
                  label={t(`fields.${field}`)}
                  value={mapping[field] ?? ""}
                  onChange={(e) => setMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
                  options={[
                    { value: "", label: t("none") },
                    ...file.table.header.map((h) => ({ value: h, label: h })),
                  ]}
                  error={fieldErrors?.[`mapping.${field}`]?.[0] ?? fieldErrors?.mapping?.[0]}
                />
              ))}
            </div>
            <label className="mt-4 flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={allowPartial}
                onChange={(e) => setAllowPartial(e.target.checked)}
              />
              {t("allowPartial")}
            </label>
            <div className="mt-4 flex gap-2">
              <Button variant="secondary" disabled={run.isPending} onClick={() => submit(true)}>
                {run.isPending ? t("running") : t("check")}
              </Button>
              <Button disabled={run.isPending} onClick={() => submit(false)}>
                {run.isPending ? t("running") : t("run")}
              </Button>
            </div>
          </Card>
        </>
      ) : null}

      {run.isError && !fieldErrors ? <Alert>{t("failed")}</Alert> : null}

      {result ? (
        <section aria-label={t("title")} className="space-y-4">
          {result.summary ? (
            <Alert tone={result.dryRun ? "info" : "success"}>
              {result.dryRun ? t("dryRunDone") : t("done")}
            </Alert>
          ) : null}
          {result.errors.length > 0 ? (
            <Card
              title={
                result.summary
                  ? t("badRowsPartial", { count: result.errors.length })
                  : t("badRows", { count: result.errors.length })
              }
            >
              <div className="max-h-80 overflow-auto">
                <table className="w-full text-left text-sm">
                  <thead className="text-xs text-slate-600">
                    <tr>
                      <th scope="col" className="w-20 px-2 py-1">
                        {t("line")}
                      </th>
                      <th scope="col" className="px-2 py-1">
                        {t("reason")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.errors.slice(0, 500).map((e) => (
                      <tr key={`${e.line}-${e.reason}`} className="border-t border-slate-100">
                        <td className="px-2 py-1 tabular-nums">{e.line}</td>
                        <td className="px-2 py-1">{e.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          ) : null}
          {result.summary ? (
            <Card title={t("perRung")}>
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7">
                {SUMMARY_KEYS.map((k) => (
                  <div key={k} className="rounded-md border border-slate-200 px-3 py-2">
                    <dt className="text-xs text-slate-500">{t(`summary.${k}`)}</dt>
                    <dd className="text-lg font-semibold tabular-nums">{result.summary?.[k]}</dd>
                  </div>
                ))}
              </dl>
              <ul className="mt-4 flex flex-wrap gap-3 text-sm" aria-label={t("perRung")}>
                {Object.entries(result.summary.accountsPerRung).map(([rung, n]) => (
                  <li key={rung} className="rounded-md bg-slate-100 px-2.5 py-1">
                    {tRung(rung as Rung)}: <span className="font-semibold tabular-nums">{n}</span>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
