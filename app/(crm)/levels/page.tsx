import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES } from "@/server/auth/permissions";
import { MismatchList } from "./_components/mismatch-list";
import { MISMATCH_PAGE } from "./_components/page-size";

export async function generateMetadata() {
  const t = await getTranslations("levels.mismatches");
  return { title: t("title") };
}

/** Practised vs recommended: accounts where the two levels differ (account managers start on their own). */
export default async function LevelsPage() {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.mismatches");
  const initialOwner = user.role === "account_manager" ? user.id : "all";
  await prefetch(
    trpc.levels.mismatches.infiniteQueryOptions(
      { ownerId: initialOwner, limit: MISMATCH_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <MismatchList initialOwner={initialOwner} />
      </HydrateClient>
    </>
  );
}
