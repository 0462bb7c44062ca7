import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES } from "@/server/auth/permissions";
import { OverdueList } from "./_components/overdue-list";
import { OVERDUE_PAGE } from "./_components/page-size";

export async function generateMetadata() {
  const t = await getTranslations("levels.overdue");
  return { title: t("title") };
}

/** Overdue contacts: the signed-in manager's own; leads, executives and admins may pick an owner or all. */
export default async function OverduePage() {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.overdue");
  const isManager = user.role === "account_manager";
  const initialOwner = isManager ? user.id : "all";
  await prefetch(
    trpc.levels.overdue.infiniteQueryOptions(
      { ownerId: initialOwner, limit: OVERDUE_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <OverdueList initialOwner={initialOwner} canChooseOwner={!isManager} />
      </HydrateClient>
    </>
  );
}
