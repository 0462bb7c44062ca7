import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auditListInput, auditViewFromParams } from "@/app/_lib/list-params/work-lists";
import { recordParams } from "@/app/_lib/search-params";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AuditLog } from "./_components/audit-log";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("audit.title") };
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  // audit.list refuses non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  const view = auditViewFromParams(recordParams(await searchParams));
  await prefetch(
    trpc.audit.list.infiniteQueryOptions(auditListInput(view), { getNextPageParam: (p) => p.nextCursor }),
  );
  return (
    <HydrateClient>
      <AuditLog />
    </HydrateClient>
  );
}
