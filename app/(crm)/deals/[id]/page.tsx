import { notFound } from "next/navigation";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { DealView } from "../_components/deal-view";

export default async function DealPage({ params }: { params: Promise<{ id: string }> }) {
  const dealId = Number((await params).id);
  if (!Number.isInteger(dealId) || dealId <= 0) notFound();
  await prefetch(trpc.deals.get.queryOptions({ dealId }));
  const error = getQueryClient().getQueryState(trpc.deals.get.queryKey({ dealId }))?.error as {
    data?: { code?: string };
  } | null;
  if (error?.data?.code === "NOT_FOUND") notFound();
  return (
    <HydrateClient>
      <DealView dealId={dealId} />
    </HydrateClient>
  );
}
