import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, prefetch, Streamed, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { getDb } from "@/db/client";
import { canSeeExecutive } from "@/server/auth/executive-access";
import { ValueView } from "./_components/value-view";

export default async function ValuePage() {
  const t = await getTranslations("executive.value");
  const user = await currentUser();
  if (!user || !canSeeExecutive(getDb(), user.role)) return <Forbidden />;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Streamed id="value" load={() => prefetch(trpc.executive.value.queryOptions())}>
        <ValueView />
      </Streamed>
    </>
  );
}
