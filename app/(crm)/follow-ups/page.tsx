import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { ExportLink, exportUrl } from "@/app/(crm)/_components/export-link";
import { FollowUpsList } from "./_components/follow-ups-list";
import { FOLLOW_UPS_PAGE_SIZE } from "./_components/page-size";

export async function generateMetadata() {
  const t = await getTranslations("activities.followUps");
  return { title: t("title") };
}

/** My follow-ups: the signed-in user's open tasks, overdue first (any role may open it; read-only roles see none). */
export default async function FollowUpsPage() {
  const t = await getTranslations("activities.followUps");
  await prefetch(
    trpc.tasks.myFollowUps.infiniteQueryOptions(
      { limit: FOLLOW_UPS_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<ExportLink href={exportUrl("follow-ups")} />}
      />
      <HydrateClient>
        <FollowUpsList />
      </HydrateClient>
    </>
  );
}
