import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_trpc/server";
import { Forbidden } from "@/app/(crm)/_components/forbidden";
import { AccountForm } from "../../_components/account-form";

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("accounts.form");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const caller = await serverCaller();
  const account = await caller.accounts.get({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (!account.permissions.canEdit) return <Forbidden />;
  if (account.permissions.canReassign) await prefetch(trpc.accounts.filterOptions.queryOptions());
  return (
    <>
      <PageHeader title={t("editTitle", { name: account.name })} />
      <HydrateClient>
        <AccountForm
          canChooseOwner={account.permissions.canReassign}
          account={{
            id: account.id,
            kind: account.kind,
            name: account.name,
            externalRef: account.externalRef,
            segment: account.segment,
            industry: account.industry,
            level: account.level,
            ownerId: account.ownerId,
          }}
        />
      </HydrateClient>
    </>
  );
}
