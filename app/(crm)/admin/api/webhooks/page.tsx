import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { WebhooksAdmin } from "./_components/webhooks-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("webhooks");
  return { title: t("page.title") };
}

/** Webhook endpoints (issue #15 §3): register, the private-address setting, and each endpoint's deliveries. */
export default async function WebhooksPage() {
  const user = await currentUser();
  // The procedures refuse non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  const t = await getTranslations("webhooks");
  await Promise.all([
    prefetch(trpc.webhooks.list.queryOptions({})),
    prefetch(trpc.webhooks.settings.queryOptions({})),
  ]);
  return (
    <HydrateClient>
      <PageHeader
        title={t("page.title")}
        subtitle={t("page.subtitle")}
        actions={
          <Link className="text-sm font-medium text-brand-700 underline" href="/admin/api">
            {t("page.back")}
          </Link>
        }
      />
      <WebhooksAdmin />
    </HydrateClient>
  );
}
