import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, serverCaller, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { getDb } from "@/db/client";
import { canSeeExecutive } from "@/server/auth/executive-access";
import { OverviewView } from "./_components/overview-view";
import { OVERVIEW_DEFAULTS, readRange, type SearchParams } from "./_components/range";
import { RangeForm } from "./_components/range-form";
import { winLossInput } from "./_components/win-loss-range";

export default async function ExecutiveOverviewPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const t = await getTranslations("executive.overview");
  const user = await currentUser();
  if (!user || !canSeeExecutive(getDb(), user.role)) return <Forbidden />;
  const range = readRange(await searchParams, OVERVIEW_DEFAULTS);
  const { first } = await (await serverCaller()).executive.firstPeriod({ grain: range.grain });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <RangeForm key={`${range.grain}${range.from}${range.to}`} range={range} first={first} />
      <Streamed
        id={["executive", range]}
        load={() =>
          Promise.all([
            prefetch(trpc.executive.overview.queryOptions(range)),
            prefetch(trpc.deals.winRates.queryOptions(winLossInput(range))),
            prefetch(trpc.deals.gap.queryOptions(winLossInput(range))),
          ])
        }
      >
        <OverviewView range={range} />
      </Streamed>
    </>
  );
}
