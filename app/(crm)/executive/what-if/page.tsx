import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { getDb } from "@/db/client";
import { canSeeExecutive } from "@/server/auth/executive-access";
import { WhatIf } from "./_components/what-if";

export default async function WhatIfPage() {
  const t = await getTranslations("executive.whatIf");
  const user = await currentUser();
  if (!user || !canSeeExecutive(getDb(), user.role)) return <Forbidden />;
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
