"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ExportLink, exportUrl } from "@/app/(crm)/_components/export-link";
import { AUDIT_ENTITIES, AUDIT_PAGE_SIZE } from "@/server/audit/audit.schemas";
import { useAuditColumns } from "./audit-columns";

export function AuditLog() {
  const t = useTranslations("users.audit");
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
  const columns = useAuditColumns(people);

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

      <DataTable
        caption={t("caption")}
        {...paged(list, t("loadMore"))}
        empty={<EmptyState title={t("empty")} body={entity ? t("emptyFiltered") : t("emptyBody")} />}
        fixed
        rows={rows}
        rowKey={(entry) => entry.id}
        columns={columns}
      />
    </div>
  );
}
