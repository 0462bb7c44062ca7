import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { REVIEW_QUEUE_ROLES } from "@/server/auth/permissions";
import { QUEUE_PAGE } from "../_components/page-size";
import { ReviewQueue } from "../_components/review-queue";

export async function generateMetadata() {
  const t = await getTranslations("deals.queue");
  return { title: t("title") };
}

export default async function ReviewQueuePage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const saved = Number((await searchParams).saved);
  const user = await currentUser();
  if (!user || !REVIEW_QUEUE_ROLES.includes(user.role)) notFound();
  const t = await getTranslations("deals.queue");
  await prefetch(trpc.deals.reviewQueue.queryOptions({ sort: "recent", offset: 0, limit: QUEUE_PAGE }));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <ReviewQueue savedDealId={Number.isInteger(saved) && saved > 0 ? saved : null} />
      </HydrateClient>
    </>
  );
}
