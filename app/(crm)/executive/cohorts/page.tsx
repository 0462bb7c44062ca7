import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, serverCaller, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { getDb } from "@/db/client";
import { canSeeExecutive } from "@/server/auth/executive-access";
import { COHORT_DEFAULTS, readRange, type SearchParams } from "../_components/range";
import { RangeForm } from "../_components/range-form";
import { CohortsView } from "./_components/cohorts-view";

export default async function CohortsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getTranslations("executive.cohorts");
  const user = await currentUser();
  if (!user || !canSeeExecutive(getDb(), user.role)) return <Forbidden />;
  const range = readRange(await searchParams, COHORT_DEFAULTS);
  const { first } = await (await serverCaller()).executive.firstPeriod({ grain: range.grain });
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <RangeForm key={`${range.grain}${range.from}${range.to}`} range={range} first={first} />
      <Streamed id={["cohorts", range]} load={() => prefetch(trpc.executive.cohorts.queryOptions(range))}>
        <CohortsView range={range} />
      </Streamed>
    </>
  );
}
