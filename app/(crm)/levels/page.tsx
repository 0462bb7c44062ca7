import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { defaultOwner, mismatchListInput, mismatchViewFromParams } from "@/app/_lib/list-params/work-lists";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES } from "@/server/auth/permissions";
import { MismatchList } from "./_components/mismatch-list";

export async function generateMetadata() {
  const t = await getTranslations("levels.mismatches");
  return { title: t("title") };
}

/** Practised vs recommended: accounts where the two levels differ (account managers start on their own). */
export default async function LevelsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.mismatches");
  const fallbackOwner = defaultOwner(user);
  const view = mismatchViewFromParams(recordParams(await searchParams), fallbackOwner);
  await Promise.all([
    prefetch(
      trpc.levels.mismatches.infiniteQueryOptions(mismatchListInput(view), {
        getNextPageParam: (p) => p.nextCursor,
      }),
    ),
    // The owner picker's names.
    prefetch(trpc.accounts.filterOptions.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <MismatchList defaultOwner={fallbackOwner} />
      </HydrateClient>
    </>
  );
}
