import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/card";
import { queueInputOf, recordParams, viewFromParams } from "@/app/_lib/list-params/complaints-queue";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { COMPLAINT_READERS, COMPLAINT_RECORDERS } from "@/server/auth/permissions";
import { QueueList } from "./_components/queue-list";

export async function generateMetadata() {
  const t = await getTranslations("complaints.queue");
  return { title: t("title") };
}

export default async function ComplaintsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !COMPLAINT_READERS.includes(user.role)) notFound();
  const t = await getTranslations("complaints.queue");
  const view = viewFromParams(recordParams(await searchParams), user.role);
  await prefetch(
    trpc.complaints.queue.infiniteQueryOptions(queueInputOf(view), {
      getNextPageParam: (page) => page.nextCursor,
    }),
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          COMPLAINT_RECORDERS.includes(user.role) ? (
            <ButtonLink href="/complaints/new">{t("record")}</ButtonLink>
          ) : null
        }
      />
      <HydrateClient>
        <QueueList role={user.role} />
      </HydrateClient>
    </>
  );
}
