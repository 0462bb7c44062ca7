import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { IMPORTERS } from "@/server/auth/permissions";
import { ImportOrders } from "./_components/import-orders";

export default async function ImportPage() {
  const t = await getTranslations("import");
  const user = await currentUser();
  // The server refuses imports for other roles anyway; this keeps the page honest about it.
  if (!user || !IMPORTERS.includes(user.role)) return <Forbidden />;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ImportOrders />
    </>
  );
}
