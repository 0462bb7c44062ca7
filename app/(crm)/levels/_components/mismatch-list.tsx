"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMoney } from "@/app/_components/report/format";
import { EmptyState } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import {
  mismatchListInput,
  mismatchViewFromParams,
  paramsFromMismatchView,
} from "@/app/_lib/list-params/work-lists";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { ExportLink, exportUrlOf } from "@/app/(crm)/_components/export-link";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { accountColumn, ownerColumn } from "../../_components/levels/account-columns";
import { LevelBadge } from "../../_components/levels/level-badge";
import { OwnerSelect } from "../../_components/levels/owner-select";

const GAPS = [1, 2, 3, 4] as const;

/**
 * Accounts practised at another level than Kotler's matrix recommends, largest stake first (a year's margin ×
 * the levels it is off by), with the count per gap as filters. Accounts without orders get no recommendation.
 * The owner and gap chosen live in the URL (restored on reload and Back).
 */
export function MismatchList({ defaultOwner }: { defaultOwner: string }) {
  const t = useTranslations("levels");
  const name = useNameLabel();
  const trpc = useTRPC();
  const money = useMoney();
  const [view, setView] = useUrlView(
    (p) => mismatchViewFromParams(p, defaultOwner),
    (v) => paramsFromMismatchView(v, defaultOwner),
  );
  const gap = view.gap ?? undefined;
  const setGap = (g: number | undefined) => setView({ ...view, gap: g ?? null });
  const list = useInfiniteQuery(
    trpc.levels.mismatches.infiniteQueryOptions(mismatchListInput(view), {
      getNextPageParam: (p) => p.nextCursor,
    }),
  );
  // Counts come with the first page (for the owner chosen, every gap).
  const counts = list.data?.pages[0]?.counts;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = counts ? Object.values(counts.byGap).reduce((s, n) => s + n, 0) : null;
  const chip = (active: boolean) =>
    cn(
      "rounded-full border px-3 py-1 text-sm tabular-nums",
      active
        ? "border-brand-600 bg-brand-600 text-white"
        : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
    );
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <OwnerSelect value={view.owner} onChange={(owner) => setView({ ...view, owner })} />
        {counts ? (
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-700">{t("mismatches.byGap")}</legend>
            <button
              type="button"
              aria-pressed={gap === undefined}
              className={chip(gap === undefined)}
              onClick={() => setGap(undefined)}
            >
              {t("mismatches.allGaps", { count: total ?? 0 })}
            </button>
            {GAPS.map((g) => (
              <button
                key={g}
                type="button"
                aria-pressed={gap === g}
                disabled={(counts.byGap[g] ?? 0) === 0 && gap !== g}
                className={cn(chip(gap === g), "disabled:opacity-50")}
                onClick={() => setGap(g)}
              >
                {t("mismatches.gapCount", { gap: g, count: counts.byGap[g] ?? 0 })}
              </button>
            ))}
          </fieldset>
        ) : null}
        <div className="ml-auto self-end pb-1">
          <ExportLink href={exportUrlOf("levels", paramsFromMismatchView(view, defaultOwner))} />
        </div>
      </div>
      <p className="text-xs text-slate-500">{t("mismatches.stakeFormula")}</p>
      <DataTable
        caption={t("mismatches.tableLabel")}
        {...paged(list)}
        empty={<EmptyState title={t("mismatches.empty")} />}
        rows={items}
        rowKey={(r) => r.id}
        columns={[
          accountColumn<(typeof items)[number]>(t("columns.account"), "max-w-xs", (r) =>
            r.segment ? (
              <span className="block truncate text-xs text-slate-500">{name("segment", r.segment)}</span>
            ) : null,
          ),
          { key: "practised", header: t("columns.practised"), cell: (r) => <LevelBadge level={r.level} /> },
          {
            key: "recommended",
            header: t("columns.recommended"),
            cell: (r) => <LevelBadge level={r.recommendedLevel} />,
          },
          { key: "gap", header: t("columns.gap"), align: "right", cell: (r) => r.gap },
          {
            key: "yearlyMargin",
            header: t("columns.yearlyMargin"),
            align: "right",
            cell: (r) => money(r.yearlyMargin),
          },
          {
            key: "stake",
            header: t("columns.stake"),
            align: "right",
            className: "font-medium",
            cell: (r) => money(r.stake),
          },
          ownerColumn(t("columns.owner"), "max-w-[10rem]"),
        ]}
      />
    </div>
  );
}
