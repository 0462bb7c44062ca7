import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, prefetch, Streamed, trpc } from "@/app/_trpc/server";
import { FEEDBACK_DASHBOARD_VIEWERS } from "@/server/auth/permissions";
import { DEFECTED_PAGE_SIZE, parseFilters } from "./_components/dashboard-filters";
import { FeedbackDashboardView } from "./_components/dashboard-view";

export async function generateMetadata() {
  const t = await getTranslations("feedbackDashboard");
  return { title: t("title") };
}

/** The feedback dashboard (issue #13 §4): sales leads, executives and admins; service agents read it too. */
export default async function FeedbackDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !FEEDBACK_DASHBOARD_VIEWERS.includes(user.role)) notFound();
  const t = await getTranslations("feedbackDashboard");
  const filters = parseFilters(recordParams(await searchParams));
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Streamed
        id={["feedback", filters]}
        load={() =>
          Promise.all([
            prefetch(trpc.accounts.filterOptions.queryOptions()),
            prefetch(trpc.feedbackDashboard.scores.queryOptions(filters)),
            prefetch(trpc.feedbackDashboard.breakdown.queryOptions(filters)),
            prefetch(trpc.feedbackDashboard.csatByOutcome.queryOptions(filters)),
            prefetch(trpc.feedbackDashboard.staying.queryOptions(filters)),
            prefetch(
              trpc.feedbackDashboard.defectedPromoters.queryOptions({
                ...filters,
                page: 0,
                limit: DEFECTED_PAGE_SIZE,
              }),
            ),
            prefetch(trpc.feedbackDashboard.themes.queryOptions(filters)),
            prefetch(trpc.feedbackDashboard.waiting.queryOptions(filters)),
            prefetch(trpc.feedbackDashboard.referrals.queryOptions(filters)),
          ])
        }
      >
        <FeedbackDashboardView />
      </Streamed>
    </>
  );
}
