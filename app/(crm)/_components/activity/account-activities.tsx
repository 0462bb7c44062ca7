"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { LoadMoreButton } from "@/app/_components/ui/load-more";
import { useTRPC } from "@/app/_trpc/client";
import { ActivityTimeline } from "./activity-timeline";
import { LogActivityForm } from "./log-activity-form";
import { ACTIVITIES_PAGE_SIZE } from "./page-size";

/** The account page's "Activities" card: log form (when allowed) above the timeline, newest first. */
export function AccountActivities({
  accountId,
  canLog,
  contacts,
}: {
  accountId: number;
  canLog: boolean;
  contacts: { id: number; name: string }[];
}) {
  const t = useTranslations("activities.activities");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.activities.listForAccount.infiniteQueryOptions(
      { accountId, limit: ACTIVITIES_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Card title={t("title")}>
      {canLog ? (
        <div className="mb-4 border-b border-slate-100 pb-4">
          <LogActivityForm
            accountId={accountId}
            contacts={contacts}
            onLogged={() =>
              queryClient.invalidateQueries(trpc.activities.listForAccount.infiniteQueryFilter({ accountId }))
            }
          />
        </div>
      ) : null}
      {list.isPending ? (
        <Spinner label={tCommon("states.loading")} />
      ) : list.isError ? (
        <Alert>
          {t("loadError")}{" "}
          <button type="button" className="underline" onClick={() => list.refetch()}>
            {tCommon("actions.retry")}
          </button>
        </Alert>
      ) : items.length === 0 ? (
        <div className="rounded-md border border-dashed border-slate-300 px-4 py-6 text-center">
          <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
          <p className="mt-1 text-sm text-slate-500">{canLog ? t("emptyBody") : t("emptyReadOnly")}</p>
        </div>
      ) : (
        <>
          <ActivityTimeline items={items} />
          <div className="mt-2 flex justify-center empty:hidden">
            <LoadMoreButton query={list} size="sm" label={t("loadMore")} loadingLabel={t("loadingMore")} />
          </div>
        </>
      )}
    </Card>
  );
}
