import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { FeedbackList } from "../_components/feedback-list";
import { listInputOf, recordParams, viewFromParams } from "../_components/list-params";

export async function generateMetadata() {
  const t = await getTranslations("feedback.list");
  return { title: t("title") };
}

export default async function FeedbackItemsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("feedback.list");
  const view = viewFromParams(recordParams(await searchParams));
  await Promise.all([
    prefetch(
      trpc.feedback.list.infiniteQueryOptions(listInputOf(view), {
        getNextPageParam: (page) => page.nextCursor,
      }),
    ),
    prefetch(trpc.feedback.options.queryOptions()),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={<ButtonLink href="/feedback/new">{t("record")}</ButtonLink>}
      />
      <HydrateClient>
        <FeedbackList />
      </HydrateClient>
    </>
  );
}
