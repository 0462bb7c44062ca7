"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { DealTable } from "@/app/(crm)/_components/deals/deal-table";
import { QUEUE_PAGE } from "./page-size";

/** Closed deals without a review; after a review is saved the reader lands here again (savedDealId). */
export function ReviewQueue({ savedDealId = null }: { savedDealId?: number | null }) {
  const t = useTranslations("deals.queue");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const format = useFormatter();
  const [sort, setSort] = useState<"recent" | "largest">("recent");
  const [offset, setOffset] = useState(0);
  const queue = useQuery({
    ...trpc.deals.reviewQueue.queryOptions({ sort, offset, limit: QUEUE_PAGE }),
    placeholderData: keepPreviousData,
  });

  if (queue.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (queue.isError) return <Alert>{queue.error.message}</Alert>;
  const { items, hasMore, coverage } = queue.data;
  const share =
    coverage.share == null
      ? "—"
      : format.number(coverage.share, { style: "percent", maximumFractionDigits: 1 });

  return (
    <div className="space-y-4">
      {savedDealId ? (
        <Alert tone="success">
          {t("saved")}{" "}
          <Link href={`/deals/${savedDealId}`} className="font-medium underline">
            {t("seeSaved")}
          </Link>
        </Alert>
      ) : null}
      <section
        aria-label={t("coverageFormula")}
        className="rounded-lg border border-slate-200 bg-white px-4 py-3"
      >
        <p className="text-sm font-medium text-slate-800">
          {t("coverage", {
            reviewed: format.number(coverage.reviewed),
            closed: format.number(coverage.closed),
            share,
          })}
        </p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
          <div
            className="h-full bg-brand-500"
            style={{ width: `${Math.round((coverage.share ?? 0) * 100)}%` }}
          />
        </div>
        <p className="mt-1 text-xs text-slate-500">{t("coverageFormula")}</p>
      </section>
      <SelectField
        label={t("sort")}
        className="w-48"
        value={sort}
        onChange={(e) => {
          setSort(e.target.value as "recent" | "largest");
          setOffset(0);
        }}
        options={[
          { value: "recent", label: t("recent") },
          { value: "largest", label: t("largest") },
        ]}
      />
      {items.length === 0 && offset === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DealTable
          rows={items.map((d) => ({ ...d, date: d.closedAt }))}
          extra={{
            header: t("review"),
            hideHeader: true,
            // The server says per deal whether this reader may review it (never their own deals).
            cell: (d) =>
              d.reviewRefusal ? (
                <span className="text-xs text-slate-500">{t(`refusal.${d.reviewRefusal}`)}</span>
              ) : (
                <ButtonLink
                  size="sm"
                  variant="secondary"
                  href={`/deals/${d.id}/review`}
                  aria-label={`${t("review")}: ${d.title}`}
                >
                  {t("review")}
                </ButtonLink>
              ),
          }}
        />
      )}
      <div className="flex gap-2">
        <Button
          variant="secondary"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - QUEUE_PAGE))}
        >
          {t("previous")}
        </Button>
        <Button variant="secondary" disabled={!hasMore} onClick={() => setOffset(offset + QUEUE_PAGE)}>
          {t("next")}
        </Button>
      </div>
    </div>
  );
}
