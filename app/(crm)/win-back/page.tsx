import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LEVEL_LIST_ROLES, TASK_WRITERS } from "@/server/auth/permissions";
import { WINBACK_PAGE } from "./_components/page-size";
import { WinbackList } from "./_components/winback-list";

export async function generateMetadata() {
  const t = await getTranslations("levels.winback");
  return { title: t("title") };
}

/** Win-back: lapsed and lost accounts by past revenue, with "start win-back" for those who write tasks. */
export default async function WinbackPage() {
  const user = await currentUser();
  if (!user || !LEVEL_LIST_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("levels.winback");
  const initialOwner = user.role === "account_manager" ? user.id : "all";
  await prefetch(
    trpc.winback.list.infiniteQueryOptions(
      { ownerId: initialOwner, limit: WINBACK_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <WinbackList initialOwner={initialOwner} canStart={TASK_WRITERS.includes(user.role)} />
      </HydrateClient>
    </>
  );
}
