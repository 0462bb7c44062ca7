import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { defaultOwner, overdueListInput, overdueViewFromParams } from "@/app/_lib/list-params/work-lists";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES } from "@/server/auth/permissions";
import { OverdueList } from "./_components/overdue-list";

export async function generateMetadata() {
  const t = await getTranslations("levels.overdue");
  return { title: t("title") };
}

/** Overdue contacts: the signed-in manager's own; leads, executives and admins may pick an owner or all. */
export default async function OverduePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.overdue");
  const isManager = user.role === "account_manager";
  const fallbackOwner = defaultOwner(user);
  // A manager's list is their own (the server refuses anything else): the URL cannot change it.
  const view = isManager
    ? { owner: fallbackOwner }
    : overdueViewFromParams(recordParams(await searchParams), fallbackOwner);
  await prefetch(
    trpc.levels.overdue.infiniteQueryOptions(overdueListInput(view), {
      getNextPageParam: (p) => p.nextCursor,
    }),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <OverdueList defaultOwner={fallbackOwner} canChooseOwner={!isManager} />
      </HydrateClient>
    </>
  );
}
