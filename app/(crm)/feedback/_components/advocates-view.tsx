"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Card, EmptyState, Spinner } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import { LoadMoreButton } from "@/app/_components/ui/load-more";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { RungBadge } from "@/app/(crm)/_components/accounts/badges";
import { EvidenceDetails } from "@/app/(crm)/_components/listening/evidence-details";
import type { Rung } from "@/db/schema";
import { ADVOCATES_PAGE_SIZE, advocatesMine, advocatesQuery } from "./page-size";

/** Suggested moves to advocate (decided on the account page) and advocates whose evidence went stale. */
export function AdvocatesView({ managerDefault }: { managerDefault: boolean }) {
  const t = useTranslations("feedback.advocates");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const [mine, setMine] = useUrlView((p) => advocatesMine(p, managerDefault), advocatesQuery);
  const date = useDate();
  const money = useMoney();
  const suggestions = useInfiniteQuery(
    trpc.advocates.suggestions.infiniteQueryOptions(
      { mine, limit: ADVOCATES_PAGE_SIZE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  const review = useInfiniteQuery(
    trpc.advocates.toReview.infiniteQueryOptions(
      { mine, limit: ADVOCATES_PAGE_SIZE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  const proposals = suggestions.data?.pages.flatMap((p) => p.items) ?? [];
  const stale = review.data?.pages.flatMap((p) => p.items) ?? [];
  const staleBefore = review.data?.pages[0]?.staleBefore;

  return (
    <div className="space-y-5">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={mine}
          onChange={(e) => setMine(e.target.checked)}
          className="accent-brand-600"
        />
        {t("mine")}
      </label>
      <Card title={t("suggestions")}>
        {suggestions.isPending ? (
          <Spinner label={tCommon("states.loading")} />
        ) : proposals.length === 0 ? (
          <EmptyState title={t("suggestionsEmpty")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {proposals.map((p) => (
              <li key={p.id} className="flex flex-wrap items-start gap-3 py-2 text-sm">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link
                      href={`/accounts/${p.accountId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {p.accountName}
                    </Link>
                    <RungBadge rung={p.rung as Rung} />
                    <span className="text-xs text-slate-500">{p.ownerName ?? "—"}</span>
                  </div>
                  <EvidenceDetails
                    kind={p.kind}
                    details={p.details as Record<string, unknown>}
                    observedAt={p.observedAt}
                  />
                </div>
                <Link href={`/accounts/${p.accountId}`} className="text-sm text-brand-700 hover:underline">
                  {t("openAccount")}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <div className="mt-2">
          <LoadMoreButton
            query={suggestions}
            label={tCommon("actions.loadMore")}
            loadingLabel={tCommon("states.loading")}
          />
        </div>
      </Card>
      <Card title={t("review")}>
        {staleBefore ? (
          <p className="mb-2 text-sm text-slate-500">{t("reviewBody", { date: date(staleBefore) })}</p>
        ) : null}
        <DataTable
          variant="report"
          caption={t("review")}
          {...paged(review, tCommon("actions.loadMore"))}
          empty={<EmptyState title={t("reviewEmpty")} />}
          rows={stale}
          rowKey={(a) => a.id}
          columns={[
            {
              key: "account",
              header: tCommon("nav.accounts"),
              rowHeader: true,
              cell: (a) => (
                <>
                  <Link href={`/accounts/${a.id}`} className="text-brand-700 hover:underline">
                    {a.name}
                  </Link>
                  <span className="block text-xs text-slate-500">{a.ownerName ?? "—"}</span>
                </>
              ),
            },
            { key: "since", header: t("advocateSince"), cell: (a) => date(a.rungSince) },
            {
              key: "lastEvidence",
              header: t("lastEvidence"),
              cell: (a) => (a.lastEvidenceAt ? date(a.lastEvidenceAt) : t("never")),
            },
            { key: "revenue", header: t("revenue"), align: "right", cell: (a) => money(a.revenue) },
          ]}
        />
      </Card>
    </div>
  );
}
