import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/accounts/_components/forbidden";
import { EXECUTIVE_VIEWERS } from "@/server/auth/permissions";
import { WhatIf } from "./_components/what-if";

export default async function WhatIfPage() {
  const t = await getTranslations("executive.whatIf");
  const user = await currentUser();
  if (!user || !EXECUTIVE_VIEWERS.includes(user.role)) return <Forbidden />;
  await prefetch(trpc.executive.scenarios.queryOptions());
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <WhatIf userId={user.id} isAdmin={user.role === "admin"} />
      </HydrateClient>
    </>
  );
}
