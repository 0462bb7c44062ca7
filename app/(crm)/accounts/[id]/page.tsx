import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { ACTIVITIES_PAGE_SIZE } from "@/app/(crm)/_components/activity/page-size";
import { AccountView } from "../_components/account-view";
import { ACCOUNT_COMPLAINTS_LIMIT, accountDealsInput, ORDERS_PAGE_SIZE } from "../_components/page-size";

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  await Promise.all([
    prefetch(trpc.accounts.get.queryOptions({ id })),
    prefetch(trpc.feedback.forAccount.queryOptions({ accountId: id })),
    prefetch(trpc.surveys.forAccount.queryOptions({ accountId: id })),
    prefetch(trpc.advocates.referrals.queryOptions({ accountId: id })),
    // The ladder card: the moves this user may make and the evidence waiting (a promoter's proposed move).
    prefetch(trpc.ladder.allowedMoves.queryOptions({ accountId: id })),
    prefetch(trpc.ladder.evidenceForAccount.queryOptions({ accountId: id })),
    prefetch(
      trpc.orders.listForAccount.infiniteQueryOptions(
        { accountId: id, limit: ORDERS_PAGE_SIZE },
        { getNextPageParam: (page) => page.nextCursor },
      ),
    ),
  ]);
  const queryClient = getQueryClient();
  const state = queryClient.getQueryState(trpc.accounts.get.queryKey({ id }));
  const error = state?.error as unknown;
  if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
  if (error && (error as { data?: { code?: string } }).data?.code === "NOT_FOUND") notFound();
  // The cards the account's permissions show, so the page arrives whole (no second round trip behind spinners).
  const permissions = state?.data?.permissions;
  if (permissions) {
    const accountId = id;
    await Promise.all([
      prefetch(trpc.deals.list.queryOptions(accountDealsInput(accountId))),
      permissions.canSeeComplaints
        ? prefetch(
            trpc.complaints.listForAccount.queryOptions({ accountId, limit: ACCOUNT_COMPLAINTS_LIMIT }),
          )
        : null,
      prefetch(
        trpc.activities.listForAccount.infiniteQueryOptions(
          { accountId, limit: ACTIVITIES_PAGE_SIZE },
          { getNextPageParam: (page) => page.nextCursor },
        ),
      ),
      prefetch(trpc.levels.forAccount.queryOptions({ accountId })),
      prefetch(trpc.tasks.listForAccount.queryOptions({ accountId, includeDone: false })),
      permissions.canWriteTasks ? prefetch(trpc.users.me.queryOptions()) : null,
      permissions.canWriteTasks ? prefetch(trpc.tasks.assignees.queryOptions({ accountId })) : null,
    ]);
  }
  return (
    <HydrateClient>
      <AccountView id={id} />
    </HydrateClient>
  );
}
