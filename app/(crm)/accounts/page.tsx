import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/app/_components/ui/button";
import { PageHeader } from "@/app/_components/ui/card";
import { filterOf, PAGE_SIZE, recordParams, viewFromParams } from "@/app/_lib/list-params/accounts";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { ACCOUNT_CREATORS, ACCOUNT_EDITORS_ALL } from "@/server/auth/permissions";
import { AccountsList } from "./_components/accounts-list";

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("accounts.list");
  const user = await currentUser();
  const view = viewFromParams(recordParams(await searchParams));
  await Promise.all([
    prefetch(
      trpc.accounts.list.infiniteQueryOptions(
        { ...view, limit: PAGE_SIZE },
        { getNextPageParam: (page) => page.nextCursor },
      ),
    ),
    prefetch(trpc.accounts.filterOptions.queryOptions()),
    prefetch(trpc.views.list.queryOptions({ list: "accounts" })),
    prefetch(trpc.accounts.count.queryOptions(filterOf(view))),
  ]);
  const canCreate = user ? ACCOUNT_CREATORS.includes(user.role) : false;
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={canCreate ? <ButtonLink href="/accounts/new">{t("newAccount")}</ButtonLink> : null}
      />
      <HydrateClient>
        <AccountsList
          canBulk={canCreate}
          canAssign={user ? ACCOUNT_EDITORS_ALL.includes(user.role) : false}
        />
      </HydrateClient>
    </>
  );
}
