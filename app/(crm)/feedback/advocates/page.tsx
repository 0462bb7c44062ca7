import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AdvocatesView } from "../_components/advocates-view";
import { ADVOCATES_PAGE_SIZE, advocatesMine } from "../_components/page-size";

export async function generateMetadata() {
  const t = await getTranslations("feedback.advocates");
  return { title: t("title") };
}

export default async function AdvocatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user) notFound();
  const t = await getTranslations("feedback.advocates");
  const managerDefault = user.role === "account_manager";
  const mine = advocatesMine(recordParams(await searchParams), managerDefault);
  const input = { mine, limit: ADVOCATES_PAGE_SIZE };
  await Promise.all([
    prefetch(
      trpc.advocates.suggestions.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor }),
    ),
    prefetch(trpc.advocates.toReview.infiniteQueryOptions(input, { getNextPageParam: (p) => p.nextCursor })),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <AdvocatesView managerDefault={managerDefault} />
      </HydrateClient>
    </>
  );
}
