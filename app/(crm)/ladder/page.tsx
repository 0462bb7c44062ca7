import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { LadderBoard } from "./_components/ladder-board";

export default async function LadderBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("accounts.board");
  const params = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
  const filters = { ownerId: one(params.owner), segment: one(params.segment) };
  await Promise.all([
    prefetch(trpc.ladder.boardCounts.queryOptions(filters)),
    prefetch(trpc.accounts.filterOptions.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <LadderBoard ownerId={filters.ownerId} segment={filters.segment} />
      </HydrateClient>
    </>
  );
}
