import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { homeFor } from "@/app/_lib/nav";
import { currentUser } from "@/app/_trpc/server";
import { getDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { executiveViewers } from "@/server/auth/executive-access";
import { demoSignInsExist, isSetupNeeded } from "@/server/setup/setup.queries";
import { AuthCard } from "../_components/auth-card";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // A database without users: nobody could sign in; the first run starts at the set-up page.
  if (isSetupNeeded(getDb())) redirect("/setup");
  const user = await currentUser();
  if (user) redirect(homeFor(user.role, executiveViewers(getDb())));
  const t = await getTranslations();
  const params = await searchParams;
  // The demo password is mentioned only where the demo company exists, and can be hidden even then.
  const showDemo = process.env.SHOW_DEMO_SIGNINS !== "0" && demoSignInsExist(getDb());
  return (
    <AuthCard title={t("auth.signIn.title")} subtitle={t("auth.signIn.subtitle")}>
      {params.password === "set" ? (
        <div className="mb-4">
          <Alert tone="success">{t("auth.signIn.passwordSet")}</Alert>
        </div>
      ) : null}
      <SignInForm />
      <p className="mt-4 text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline underline-offset-2">
          {t("auth.signIn.forgot")}
        </Link>
      </p>
      {showDemo ? (
        <p className="mt-4 text-xs text-slate-500">
          {t("auth.signIn.demoHint", { password: DEMO_PASSWORD })}
        </p>
      ) : null}
    </AuthCard>
  );
}
