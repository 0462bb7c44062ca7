import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { CompetitorSettings } from "./_components/competitor-settings";
import { ExecutiveAccessSettings } from "./_components/executive-access-settings";
import { ListeningSettings } from "./_components/listening-settings";
import { NameLabelSettings } from "./_components/name-label-settings";
import { SettingsForms } from "./_components/settings-forms";
import { WinLossSettings } from "./_components/win-loss-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("levels.settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const user = await currentUser();
  // The procedures refuse non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  const t = await getTranslations("levels.settings");
  await Promise.all([
    prefetch(trpc.settings.get.queryOptions()),
    prefetch(trpc.deals.settings.queryOptions()),
    prefetch(trpc.competitors.list.queryOptions()),
    prefetch(trpc.nameLabels.list.queryOptions()),
    prefetch(trpc.feedback.settings.queryOptions()),
    prefetch(trpc.settings.executiveViewers.queryOptions()),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <SettingsForms />
        <div className="mt-5 max-w-3xl">
          <WinLossSettings />
        </div>
        <div className="mt-5 max-w-3xl">
          <NameLabelSettings />
        </div>
        <div className="mt-5 max-w-3xl">
          <CompetitorSettings />
        </div>
        <div className="mt-5 max-w-3xl">
          <ExecutiveAccessSettings />
        </div>
        <div className="mt-5 max-w-3xl">
          <ListeningSettings />
        </div>
      </HydrateClient>
    </>
  );
}
