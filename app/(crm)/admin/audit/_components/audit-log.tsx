"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { EmptyState, PageHeader } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import {
  type AuditEntity,
  auditListInput,
  auditViewFromParams,
  paramsFromAuditView,
} from "@/app/_lib/list-params/work-lists";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { ExportLink, exportUrlOf } from "@/app/(crm)/_components/export-link";
import { AUDIT_ENTITIES } from "@/server/audit/audit.schemas";
import { useAuditColumns } from "./audit-columns";

/** The audit log; the entity filter lives in the URL (restored on reload and Back). */
export function AuditLog() {
  const t = useTranslations("users.audit");
  const trpc = useTRPC();
  const [view, setView] = useUrlView(auditViewFromParams, paramsFromAuditView);
  const entity = view.entity ?? "";

  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(auditListInput(view), {
      getNextPageParam: (page) => page.nextCursor,
    }),
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
          onChange={(e) => setView({ entity: (e.target.value || null) as AuditEntity | null })}
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
          <ExportLink href={exportUrlOf("audit", paramsFromAuditView(view))} />
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
