import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { REVIEW_QUEUE_ROLES } from "@/server/auth/permissions";
import { ReviewForm } from "../../_components/review-form";

export async function generateMetadata() {
  const t = await getTranslations("deals.review");
  return { title: t("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const dealId = Number((await params).id);
  if (!Number.isInteger(dealId) || dealId <= 0) notFound();
  const t = await getTranslations("deals.review");
  const user = await currentUser();
  await Promise.all([
    prefetch(trpc.deals.reviewContext.queryOptions({ dealId })),
    prefetch(trpc.accounts.filterOptions.queryOptions()),
  ]);
  const error = getQueryClient().getQueryState(trpc.deals.reviewContext.queryKey({ dealId }))?.error as {
    data?: { code?: string };
  } | null;
  if (error?.data?.code === "NOT_FOUND") notFound();
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <ReviewForm dealId={dealId} backToQueue={!!user && REVIEW_QUEUE_ROLES.includes(user.role)} />
      </HydrateClient>
    </>
  );
}
