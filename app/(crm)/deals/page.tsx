import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { DealsList } from "./_components/deals-list";
import { DEALS_PAGE } from "./_components/page-size";

export async function generateMetadata() {
  const t = await getTranslations("deals.list");
  return { title: t("title") };
}

export default async function DealsPage() {
  const t = await getTranslations("deals.list");
  const user = await currentUser();
  const initialOwner = user?.role === "account_manager" ? user.id : "all";
  await prefetch(
    trpc.deals.list.infiniteQueryOptions(
      { ownerId: initialOwner, limit: DEALS_PAGE, status: null, q: null },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <DealsList initialOwner={initialOwner} />
      </HydrateClient>
    </>
  );
}
