import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { ApiKeysAdmin } from "./_components/api-keys-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("api");
  return { title: t("page.title") };
}

export default async function ApiAdminPage() {
  const user = await currentUser();
  // The procedures refuse non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  const t = await getTranslations("api");
  await prefetch(trpc.apiKeys.list.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader
        title={t("page.title")}
        subtitle={t("page.subtitle")}
        actions={
          <>
            <Link className="text-sm font-medium text-brand-700 underline" href="/admin/api/webhooks">
              {t("page.webhooks")}
            </Link>
            <Link className="text-sm font-medium text-brand-700 underline" href="/admin/api/reference">
              {t("page.reference")}
            </Link>
            <a className="text-sm font-medium text-brand-700 underline" href="/api/v1/openapi.json">
              {t("page.openapi")}
            </a>
          </>
        }
      />
      <ApiKeysAdmin />
    </HydrateClient>
  );
}
