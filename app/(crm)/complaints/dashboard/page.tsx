import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, trpc } from "@/app/_trpc/server";
import { COMPLAINT_DASHBOARD_VIEWERS } from "@/server/auth/permissions";
import { ComplaintsDashboardView } from "./_components/dashboard-view";
import { parseParams, toInput } from "./_components/filters";

export async function generateMetadata() {
  const t = await getTranslations("complaintDashboard");
  return { title: t("title") };
}

export default async function ComplaintsDashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !COMPLAINT_DASHBOARD_VIEWERS.includes(user.role)) notFound();
  const t = await getTranslations("complaintDashboard");
  const params = parseParams(await searchParams);
  const input = toInput(params);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Streamed
        id={["complaints", input]}
        load={() =>
          Promise.all([
            prefetch(trpc.complaints.volume.queryOptions(input)),
            prefetch(trpc.complaints.times.queryOptions(input)),
            prefetch(trpc.complaints.outcomes.queryOptions(input)),
            prefetch(trpc.complaints.noComplaint.queryOptions(input)),
            prefetch(trpc.complaints.causes.queryOptions(input)),
            prefetch(trpc.complaints.rungs.queryOptions(input)),
          ])
        }
      >
        <ComplaintsDashboardView params={params} />
      </Streamed>
    </>
  );
}
