import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, serverCaller, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { getDb } from "@/db/client";
import { canSeeExecutive } from "@/server/auth/executive-access";
import { LADDER_DEFAULTS, readRange, type SearchParams } from "../_components/range";
import { RangeForm } from "../_components/range-form";
import { LadderView } from "./_components/ladder-view";

export default async function LadderOverTimePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslations("executive.ladder");
  const user = await currentUser();
  if (!user || !canSeeExecutive(getDb(), user.role)) return <Forbidden />;
  const range = readRange(await searchParams, LADDER_DEFAULTS);
  const { first } = await (await serverCaller()).executive.firstPeriod({ grain: range.grain });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <RangeForm key={`${range.grain}${range.from}${range.to}`} range={range} first={first} />
      <Streamed id={["ladder", range]} load={() => prefetch(trpc.executive.ladder.queryOptions(range))}>
        <LadderView range={range} />
      </Streamed>
    </>
  );
}
