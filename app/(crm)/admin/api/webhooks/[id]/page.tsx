import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser, getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { EndpointView } from "./_components/endpoint-view";
import { DELIVERIES_PAGE } from "./_components/page-size";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: `${t("deliveries.title")} · ${t("page.title")}` };
}

/** One webhook endpoint: its settings and secret, a test event, and its deliveries with resend. */
export default async function WebhookEndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await prefetch(trpc.webhooks.get.queryOptions({ id }));
  const error = getQueryClient().getQueryState(trpc.webhooks.get.queryKey({ id }))?.error as {
    data?: { code?: string };
  } | null;
  if (error?.data?.code === "NOT_FOUND") notFound();
  await prefetch(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId: id, status: null, limit: DELIVERIES_PAGE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <EndpointView id={id} />
    </HydrateClient>
  );
}
