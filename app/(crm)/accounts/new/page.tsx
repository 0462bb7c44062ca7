import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { ACCOUNT_CREATORS, canEditAllAccounts } from "@/server/auth/permissions";
import { AccountForm } from "../_components/account-form";

export default async function NewAccountPage() {
  const t = await getTranslations("accounts.form");
  const user = await currentUser();
  if (!user || !ACCOUNT_CREATORS.includes(user.role)) return <Forbidden />;
  const canChooseOwner = canEditAllAccounts(user);
  if (canChooseOwner) await prefetch(trpc.accounts.filterOptions.queryOptions());
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <HydrateClient>
        <AccountForm canChooseOwner={canChooseOwner} />
      </HydrateClient>
    </>
  );
}
