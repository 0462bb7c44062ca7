import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { FeedbackItem } from "../../_components/feedback-item";

export async function generateMetadata() {
  const t = await getTranslations("feedback.list");
  return { title: t("title") };
}

export default async function FeedbackItemPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await Promise.all([
    prefetch(trpc.feedback.get.queryOptions({ id })),
    prefetch(trpc.feedback.options.queryOptions()),
  ]);
  const error = getQueryClient().getQueryState(trpc.feedback.get.queryKey({ id }))?.error as
    | { data?: { code?: string }; code?: string }
    | null
    | undefined;
  if (error && (error.code === "NOT_FOUND" || error.data?.code === "NOT_FOUND")) notFound();
  return (
    <HydrateClient>
      <FeedbackItem id={id} />
    </HydrateClient>
  );
}
