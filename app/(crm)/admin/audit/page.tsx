import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AUDIT_PAGE_SIZE } from "@/server/audit/audit.schemas";
import { AuditLog } from "./_components/audit-log";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("audit.title") };
}

export default async function AuditPage() {
  const user = await currentUser();
  // audit.list refuses non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  await prefetch(
    trpc.audit.list.infiniteQueryOptions(
      { limit: AUDIT_PAGE_SIZE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <AuditLog />
    </HydrateClient>
  );
}
