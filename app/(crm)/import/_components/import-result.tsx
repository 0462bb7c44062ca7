"use client";

import { useTranslations } from "next-intl";
import { Alert, Card } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import type { Rung } from "@/db/schema";
import type { ImportJobResult } from "@/server/imports/import-jobs";

const SUMMARY_KEYS = {
  orders: [
    "rowsRead",
    "rowsSkipped",
    "ordersInFile",
    "ordersCreated",
    "ordersAlreadyPresent",
    "accountsCreated",
    "accountsMatched",
  ],
  accounts: [
    "rowsRead",
    "rowsSkipped",
    "accountsInFile",
    "accountsCreated",
    "accountsUpdated",
    "accountsUnchanged",
    "contactsCreated",
    "contactsUpdated",
    "contactsUnchanged",
  ],
} as const;

/** What an import did (or, for a dry run, would do): bad rows with their lines, the counts, and the changes. */
export function ImportResultView({ result }: { result: ImportJobResult }) {
  const t = useTranslations("import");
  const tRung = useTranslations("enums.rung");
  const summary = result.summary as Record<string, number> | null;
  return (
    <section aria-label={t("resultLabel")} className="space-y-4">
      {summary ? (
        <Alert tone={result.dryRun ? "info" : "success"}>{result.dryRun ? t("dryRunDone") : t("done")}</Alert>
      ) : null}
      {result.errors.length > 0 ? (
        <Card
          title={
            summary
              ? t("badRowsPartial", { count: result.errors.length })
              : t("badRows", { count: result.errors.length })
          }
        >
          <div className="max-h-80 overflow-y-auto">
            <DataTable
              variant="report"
              caption={t("badRowsTable")}
              rows={result.errors.slice(0, 500)}
              rowKey={(e) => `${e.line}-${e.reason}`}
              columns={[
                { key: "line", header: t("line"), className: "w-20 tabular-nums", cell: (e) => e.line },
                { key: "reason", header: t("reason"), className: "break-words", cell: (e) => e.reason },
              ]}
            />
          </div>
          {result.errors.length > 500 ? (
            <p className="mt-2 text-xs text-slate-500">
              {t("moreRows", { count: result.errors.length - 500 })}
            </p>
          ) : null}
        </Card>
      ) : null}
      {summary ? (
        <Card title={t("summaryTitle")}>
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-5">
            {SUMMARY_KEYS[result.kind].map((k) => (
              <div key={k} className="rounded-md border border-slate-200 px-3 py-2">
                <dt className="text-xs text-slate-500">{t(`summary.${k}`)}</dt>
                <dd className="text-lg font-semibold tabular-nums">{summary[k]}</dd>
              </div>
            ))}
          </dl>
          {result.kind === "orders" && result.summary ? (
            <ul className="mt-4 flex flex-wrap gap-3 text-sm" aria-label={t("perRung")}>
              {Object.entries(result.summary.accountsPerRung).map(([rung, n]) => (
                <li key={rung} className="rounded-md bg-slate-100 px-2.5 py-1">
                  {tRung(rung as Rung)}: <span className="font-semibold tabular-nums">{n}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
      {result.kind === "accounts" && result.summary ? (
        <Card title={t("changes", { count: result.changeCount })}>
          {result.changes.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noChanges")}</p>
          ) : (
            <div className="max-h-96 overflow-y-auto">
              <DataTable
                variant="report"
                caption={t("changesTable")}
                rows={result.changes}
                rowKey={(c) => `${c.ref}-${c.contact}-${c.field}`}
                columns={[
                  {
                    key: "account",
                    header: t("changeAccount"),
                    rowHeader: true,
                    cell: (c) => (
                      <>
                        {c.ref}
                        {c.contact ? <span className="block text-xs text-slate-500">{c.contact}</span> : null}
                      </>
                    ),
                  },
                  {
                    key: "field",
                    header: t("changeField"),
                    cell: (c) => t(`changeFields.${c.field}` as "changeFields.name"),
                  },
                  {
                    key: "before",
                    header: t("changeBefore"),
                    className: "break-words text-slate-500",
                    cell: (c) => c.before ?? "—",
                  },
                  {
                    key: "after",
                    header: t("changeAfter"),
                    className: "break-words",
                    cell: (c) => c.after ?? "—",
                  },
                ]}
              />
            </div>
          )}
          {result.changeCount > result.changes.length ? (
            <p className="mt-2 text-xs text-slate-500">
              {t("moreChanges", { count: result.changeCount - result.changes.length })}
            </p>
          ) : null}
        </Card>
      ) : null}
    </section>
  );
}
