import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser, getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { COMPLAINT_READERS } from "@/server/auth/permissions";
import { ComplaintView } from "../_components/complaint-view";

export async function generateMetadata() {
  const t = await getTranslations("complaints.queue");
  return { title: t("title") };
}

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || !COMPLAINT_READERS.includes(user.role)) notFound();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await prefetch(trpc.complaints.get.queryOptions({ id }));
  const error = getQueryClient().getQueryState(trpc.complaints.get.queryKey({ id }))?.error as {
    data?: { code?: string };
  } | null;
  if (error?.data?.code === "NOT_FOUND") notFound();
  await prefetch(trpc.complaints.options.queryOptions({}));
  return (
    <HydrateClient>
      <ComplaintView id={id} />
    </HydrateClient>
  );
}
