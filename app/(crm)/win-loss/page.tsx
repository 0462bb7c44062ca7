import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, trpc } from "@/app/_trpc/server";
import { WIN_LOSS_VIEWERS } from "@/server/auth/permissions";
import { parseParams, toInput } from "./_components/filters";
import { WinLossView } from "./_components/win-loss-view";

export async function generateMetadata() {
  const t = await getTranslations("deals.dashboard");
  return { title: t("title") };
}

export default async function WinLossPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !WIN_LOSS_VIEWERS.includes(user.role)) notFound();
  const t = await getTranslations("deals.dashboard");
  const params = parseParams(await searchParams, Date.now());
  const input = toInput(params);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Streamed
        id={["win-loss", input]}
        load={() =>
          Promise.all([
            prefetch(trpc.deals.winRates.queryOptions(input)),
            prefetch(trpc.deals.reasons.queryOptions(input)),
            prefetch(trpc.deals.gap.queryOptions(input)),
            prefetch(trpc.deals.competitors.queryOptions(input)),
            prefetch(trpc.accounts.filterOptions.queryOptions()),
          ])
        }
      >
        <WinLossView params={params} />
      </Streamed>
    </>
  );
}
