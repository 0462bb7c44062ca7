"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import { ACCOUNT_IMPORT_FIELDS, guessAccountMapping } from "@/server/imports/account-import.schemas";
import { CsvFormatError, type CsvTable, readCsvHead } from "@/server/imports/import.parse";
import { guessMapping, IMPORT_FIELDS } from "@/server/imports/import.schemas";
import { ImportResultView } from "./import-result";
import { type ImportKind, useImportUpload } from "./use-import-upload";

/** The largest file the upload route accepts (server/imports/import-upload.ts). */
const MAX_BYTES = 20 * 1024 * 1024;
const REQUIRED_ORDER_FIELDS = new Set([
  "account_ref",
  "account_name",
  "order_ref",
  "ordered_at",
  "amount",
  "margin",
]);

const KINDS: Record<
  ImportKind,
  {
    fields: { key: string; required: boolean }[];
    guess: (header: string[]) => Record<string, string | undefined>;
  }
> = {
  orders: {
    fields: IMPORT_FIELDS.map((key) => ({ key, required: REQUIRED_ORDER_FIELDS.has(key) })),
    guess: guessMapping,
  },
  accounts: {
    fields: ACCOUNT_IMPORT_FIELDS.map((f) => ({ key: f.key, required: f.required })),
    guess: guessAccountMapping,
  },
};

/** Choose what the file holds, pick it, map its columns (guessed, editable), check it with a dry run, import it. */
export function ImportFile({ kind: initialKind }: { kind: ImportKind }) {
  const t = useTranslations("import");
  const pathname = usePathname();
  const [kind, setKind] = useState(initialKind);
  const fileId = useId();
  const [file, setFile] = useState<{ file: File; table: CsvTable } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | undefined>>({});
  const [allowPartial, setAllowPartial] = useState(false);
  const { state, upload, reset } = useImportUpload();
  const config = KINDS[kind];

  const chooseKind = (next: ImportKind) => {
    reset();
    setKind(next);
    if (file) setMapping(KINDS[next].guess(file.table.header));
    // Kept in the address (a reload or a shared link opens the same kind) without a round trip to the server.
    window.history.replaceState(null, "", next === "orders" ? pathname : `${pathname}?kind=${next}`);
  };

  const onFile = async (picked: File | undefined) => {
    reset();
    setFile(null);
    setReadError(null);
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      setReadError(t("tooLarge"));
      return;
    }
    try {
      // Only the header and five rows are parsed here, for the preview and the mapping; the server reads the rest.
      const table = readCsvHead(await picked.text(), 5);
      if (table.header.length === 0) throw new Error("empty");
      setFile({ file: picked, table });
      setMapping(config.guess(table.header));
    } catch (error) {
      setReadError(
        error instanceof CsvFormatError
          ? t("readErrorAt", { line: error.line, reason: error.reason })
          : t("readError"),
      );
    }
  };

  const submit = (dryRun: boolean) => {
    if (file) upload(kind, file.file, { mapping, dryRun, allowPartial });
  };
  const pending = state.status === "pending";
  const error = state.status === "error" ? state.error : null;
  const fieldError = (key: string) => error?.fieldErrors?.[`mapping.${key}`]?.[0];

  return (
    <div className="space-y-5">
      <Card>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">{t("kindLegend")}</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {(["orders", "accounts"] as const).map((k) => (
              <label key={k} className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="radio"
                  name="import-kind"
                  className="mt-0.5"
                  checked={kind === k}
                  onChange={() => chooseKind(k)}
                />
                <span>
                  <span className="font-medium">{t(`kinds.${k}.label`)}</span>
                  <span className="block text-xs text-slate-500">{t(`kinds.${k}.hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <label htmlFor={fileId} className="mt-5 block text-sm font-medium text-slate-700">
          {t("file")}
        </label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          className="mt-1 block max-w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100"
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
          <Card title={t("preview", { name: file.file.name })}>
            <DataTable
              variant="report"
              narrow="scroll"
              caption={t("previewTable")}
              rows={file.table.rows}
              rowKey={(r) => r.line}
              columns={file.table.header.map((h, i) => ({
                key: `${i}-${h}`,
                header: h,
                className: "max-w-48 truncate whitespace-nowrap",
                cell: (r: (typeof file.table.rows)[number]) => r.cells[i],
              }))}
            />
          </Card>

          <Card title={t("mapping")}>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              {config.fields.map(({ key, required }) => (
                <SelectField
                  key={`${kind}-${key}`}
                  label={t(`fields.${key}` as "fields.account_ref")}
                  required={required}
                  value={mapping[key] ?? ""}
                  onChange={(e) => setMapping((m) => ({ ...m, [key]: e.target.value || undefined }))}
                  options={[
                    { value: "", label: t("none") },
                    ...file.table.header.map((h) => ({ value: h, label: h })),
                  ]}
                  error={fieldError(key)}
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
            <div className="mt-4 flex flex-wrap gap-2">
              <Button variant="secondary" disabled={pending} onClick={() => submit(true)}>
                {pending ? t("running") : t("check")}
              </Button>
              <Button disabled={pending} onClick={() => submit(false)}>
                {pending ? t("running") : t("run")}
              </Button>
            </div>
          </Card>
        </>
      ) : null}

      {error && !error.fieldErrors ? (
        <Alert>
          {error.status === 413
            ? t("tooLarge")
            : error.status === 503
              ? t("busy")
              : error.status === 400 && error.message
                ? error.message
                : t("failed")}
        </Alert>
      ) : null}
      {state.status === "done" ? <ImportResultView result={state.result} /> : null}
    </div>
  );
}
