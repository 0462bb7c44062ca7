import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { recordParams } from "@/app/_lib/search-params";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { BOARD_COLUMNS } from "@/server/ladder/board.schemas";
import { BOARD_PAGE_SIZE, boardFilters } from "./_components/board-filters";
import { LadderBoard } from "./_components/ladder-board";

export default async function LadderBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("accounts.board");
  const filters = boardFilters(recordParams(await searchParams));
  const countsQuery = trpc.ladder.boardCounts.queryOptions(filters);
  await Promise.all([prefetch(countsQuery), prefetch(trpc.accounts.filterOptions.queryOptions())]);
  const counts = getQueryClient().getQueryData(countsQuery.queryKey);
  // Each column's first cards come with the page (the columns with none show their empty state).
  await Promise.all(
    BOARD_COLUMNS.filter((column) => (counts?.[column] ?? 0) > 0).map((column) =>
      prefetch(
        trpc.ladder.column.infiniteQueryOptions(
          { ...filters, column, limit: BOARD_PAGE_SIZE },
          { getNextPageParam: (page) => page.nextCursor },
        ),
      ),
    ),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <LadderBoard />
      </HydrateClient>
    </>
  );
}
