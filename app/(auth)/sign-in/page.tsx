import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { homeFor } from "@/app/_lib/nav";
import { currentUser } from "@/app/_trpc/server";
import { getDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { executiveViewers } from "@/server/auth/executive-access";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.title") };
}

export default async function SignInPage() {
  const user = await currentUser();
  if (user) redirect(homeFor(user.role, executiveViewers(getDb())));
  const t = await getTranslations();
  const showDemo = process.env.SHOW_DEMO_SIGNINS !== "0";
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <div className="mb-5">
          <p className="font-semibold text-brand-700">{t("common.appName")}</p>
          <h1 className="mt-2 text-xl font-semibold">{t("auth.signIn.title")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("auth.signIn.subtitle")}</p>
        </div>
        <SignInForm />
        {showDemo ? (
          <p className="mt-4 text-xs text-slate-500">
            {t("auth.signIn.demoHint", { password: DEMO_PASSWORD })}
          </p>
        ) : null}
      </div>
      <LanguageSwitch />
    </div>
  );
}
