"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, PageHeader, Spinner } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ExportLink, exportUrl } from "@/app/(crm)/_components/export-link";
import { AUDIT_ENTITIES, AUDIT_PAGE_SIZE } from "@/server/audit/audit.schemas";
import { AuditRow } from "./audit-row";

export function AuditLog() {
  const t = useTranslations("users.audit");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const [entity, setEntity] = useState("");

  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { limit: AUDIT_PAGE_SIZE, ...(entity ? { entity } : {}) },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const people = Object.assign({}, ...(list.data?.pages.map((p) => p.people) ?? [])) as Record<
    string,
    string
  >;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <div className="flex flex-wrap items-end justify-between gap-3">
        <SelectField
          label={t("filterEntity")}
          value={entity}
          onChange={(e) => setEntity(e.target.value)}
          options={[
            { value: "", label: t("allEntities") },
            ...AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`entities.${e}`) })),
          ]}
          className="w-56"
        />
        <div className="flex items-center gap-4">
          {rows.length > 0 ? (
            <p className="text-sm text-slate-500" aria-live="polite">
              {t("shown", { count: rows.length })}
            </p>
          ) : null}
          <ExportLink href={exportUrl("audit", { entity })} />
        </div>
      </div>

      {list.isPending ? (
        <Spinner label={tc("states.loading")} />
      ) : list.isError ? (
        <Alert>
          {tc("states.error")}{" "}
          <button type="button" className="underline" onClick={() => void list.refetch()}>
            {tc("actions.retry")}
          </button>
        </Alert>
      ) : rows.length === 0 ? (
        <EmptyState title={t("empty")} body={entity ? t("emptyFiltered") : t("emptyBody")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full table-fixed text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <colgroup>
              <col className="w-44" />
              <col className="w-36" />
              <col className="w-44" />
              <col className="w-40" />
              <col />
            </colgroup>
            <thead className="bg-slate-50 text-xs font-medium text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("when")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("who")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("action")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("record")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("changes")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {rows.map((entry) => (
                <AuditRow key={entry.id} entry={entry} people={people} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.hasNextPage ? (
        <Button
          variant="secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t("loadingMore") : t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
