import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { inviteDays } from "@/server/auth/auth";
import { USERS_PAGE_SIZE } from "@/server/users/users.schemas";
import { UsersAdmin } from "./_components/users-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("page.title") };
}

export default async function UsersPage() {
  const user = await currentUser();
  // The procedures refuse non-admins anyway; to them this page simply does not exist.
  if (user?.role !== "admin") notFound();
  await prefetch(
    trpc.users.list.infiniteQueryOptions(
      { limit: USERS_PAGE_SIZE },
      { getNextPageParam: (p) => p.nextCursor },
    ),
  );
  return (
    <HydrateClient>
      <UsersAdmin currentUserId={user.id} inviteDays={inviteDays()} />
    </HydrateClient>
  );
}
