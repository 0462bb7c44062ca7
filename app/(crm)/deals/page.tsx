import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { dealsListInput, dealsViewFromParams, defaultDealsOwner } from "@/app/_lib/list-params/deals";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { DealsList } from "./_components/deals-list";

export async function generateMetadata() {
  const t = await getTranslations("deals.list");
  return { title: t("title") };
}

export default async function DealsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("deals.list");
  const user = await currentUser();
  const defaultOwner = user ? defaultDealsOwner(user) : "all";
  const view = dealsViewFromParams(recordParams(await searchParams), defaultOwner);
  await Promise.all([
    prefetch(
      trpc.deals.list.infiniteQueryOptions(dealsListInput(view), { getNextPageParam: (p) => p.nextCursor }),
    ),
    prefetch(trpc.views.list.queryOptions({ list: "deals" })),
    prefetch(trpc.accounts.filterOptions.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <DealsList defaultOwner={defaultOwner} />
      </HydrateClient>
    </>
  );
}
