import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { currentUser } from "@/app/_trpc/server";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("account.title") };
}

/** The signed-in user's own page: their details (read only) and changing their password. */
export default async function AccountPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("auth.account");
  const tc = await getTranslations("common");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("details")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-500">{t("name")}</dt>
            <dd className="break-words">{user.name}</dd>
            <dt className="text-slate-500">{t("email")}</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="text-slate-500">{t("role")}</dt>
            <dd>{tc(`roles.${user.role}`)}</dd>
          </dl>
          <p className="mt-3 text-xs text-slate-500">{t("detailsHint")}</p>
        </Card>
        <Card title={t("changePassword")}>
          <ChangePasswordForm email={user.email} />
        </Card>
      </div>
    </div>
  );
}
