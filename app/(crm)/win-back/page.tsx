import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { defaultOwner, winbackListInput, winbackViewFromParams } from "@/app/_lib/list-params/work-lists";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES, TASK_WRITERS } from "@/server/auth/permissions";
import { WinbackList } from "./_components/winback-list";

export async function generateMetadata() {
  const t = await getTranslations("levels.winback");
  return { title: t("title") };
}

/** Win-back: lapsed and lost accounts by past revenue, with "start win-back" for those who write tasks. */
export default async function WinbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.winback");
  const fallbackOwner = defaultOwner(user);
  const view = winbackViewFromParams(recordParams(await searchParams), fallbackOwner);
  await Promise.all([
    prefetch(
      trpc.winback.list.infiniteQueryOptions(winbackListInput(view), {
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
        <WinbackList defaultOwner={fallbackOwner} canStart={TASK_WRITERS.includes(user.role)} />
      </HydrateClient>
    </>
  );
}
