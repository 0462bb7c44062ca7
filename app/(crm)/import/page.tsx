import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { IMPORTERS } from "@/server/auth/permissions";
import { ImportFile } from "./_components/import-file";

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const t = await getTranslations("import");
  const user = await currentUser();
  // The server refuses imports for other roles anyway; this keeps the page honest about it.
  if (!user || !IMPORTERS.includes(user.role)) return <Forbidden />;
  const { kind } = await searchParams;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <ImportFile kind={kind === "accounts" ? "accounts" : "orders"} />
    </>
  );
}
