"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import type { ListView } from "@/app/_lib/list-params/accounts";
import { useSearchBox } from "@/app/_lib/use-search-box";
import type { ViewChange } from "@/app/_lib/use-url-view";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { ACCOUNT_STATUSES, ALL_RUNGS, RUNGS } from "@/db/schema";

const SORTS = [
  ["name", "asc", "sortName"],
  ["name", "desc", "sortNameDesc"],
  ["lastOrder", "desc", "sortLastOrder"],
  ["lastOrder", "asc", "sortLastOrderAsc"],
  ["revenue", "desc", "sortRevenue"],
  ["revenue", "asc", "sortRevenueAsc"],
] as const;

/** Each sort's natural order: names A–Z, the latest orders and the largest revenue first. */
export const DEFAULT_DIR = { name: "asc", lastOrder: "desc", revenue: "desc" } as const;

export function AccountFilters({
  view,
  onChange,
  owners,
  segments,
}: {
  view: ListView;
  onChange: (view: ListView, how?: ViewChange) => void;
  owners: Array<{ id: string; name: string }>;
  segments: string[];
}) {
  const t = useTranslations("accounts.list");
  const name = useNameLabel();
  const tEnums = useTranslations("enums");
  // Typing waits for a pause before searching; the URL and the query follow.
  const search = useSearchBox(view.q ?? "", (q, how) => onChange({ ...view, q: q || undefined }, how));

  const any = { value: "", label: t("any") };
  const set = (patch: Partial<ListView>) => onChange({ ...view, ...patch });
  const sortValue = `${view.sort}:${view.dir ?? DEFAULT_DIR[view.sort]}`;
  const filtered = Boolean(view.q || view.rung || view.status || view.ownerId || view.segment);

  return (
    <search className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-4 xl:grid-cols-7">
      <TextField
        className="col-span-2"
        label={t("search")}
        type="search"
        placeholder={t("searchPlaceholder")}
        maxLength={200}
        {...search}
      />
      <SelectField
        label={t("rung")}
        value={view.rung ?? ""}
        onChange={(e) => set({ rung: (e.target.value || undefined) as ListView["rung"] })}
        options={[
          any,
          ...[...RUNGS, ...ALL_RUNGS.filter((r) => !RUNGS.includes(r as never))].map((r) => ({
            value: r,
            label: tEnums(`rung.${r}`),
          })),
        ]}
      />
      <SelectField
        label={t("status")}
        value={view.status ?? ""}
        onChange={(e) => set({ status: (e.target.value || undefined) as ListView["status"] })}
        options={[any, ...ACCOUNT_STATUSES.map((s) => ({ value: s, label: tEnums(`status.${s}`) }))]}
      />
      <SelectField
        label={t("owner")}
        value={view.ownerId ?? ""}
        onChange={(e) => set({ ownerId: e.target.value || undefined })}
        options={[
          any,
          { value: "me", label: t("ownerMe") },
          { value: "none", label: t("ownerNone") },
          ...owners.map((o) => ({ value: o.id, label: o.name })),
        ]}
      />
      <SelectField
        label={t("segment")}
        value={view.segment ?? ""}
        onChange={(e) => set({ segment: e.target.value || undefined })}
        options={[any, ...segments.map((s) => ({ value: s, label: name("segment", s) }))]}
      />
      <SelectField
        className="col-span-2 md:col-span-1"
        label={t("sort")}
        value={sortValue}
        onChange={(e) => {
          const [sort, dir] = e.target.value.split(":") as [ListView["sort"], "asc" | "desc"];
          set({ sort, dir: dir === DEFAULT_DIR[sort] ? undefined : dir });
        }}
        options={SORTS.map(([sort, dir, key]) => ({ value: `${sort}:${dir}`, label: t(key) }))}
      />
      {filtered ? (
        <div className="col-span-full flex justify-end">
          <Button size="sm" variant="ghost" onClick={() => onChange({ sort: view.sort, dir: view.dir })}>
            {t("clearFilters")}
          </Button>
        </div>
      ) : null}
    </search>
  );
}
