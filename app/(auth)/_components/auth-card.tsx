import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/language-switch";

/** The centred card of the signed-out pages (sign-in, set-up, forgotten and new password). */
export async function AuthCard({
  title,
  subtitle,
  children,
  wide,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  wide?: boolean;
}) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-6 px-4 py-8">
      <main
        className={`w-full ${wide ? "max-w-md" : "max-w-sm"} rounded-xl border border-slate-200 bg-white p-6 shadow-sm`}
      >
        <div className="mb-5">
          <p className="font-semibold text-brand-700">{t("appName")}</p>
          <h1 className="mt-2 text-xl font-semibold">{title}</h1>
          {subtitle ? <p className="mt-1 text-sm text-slate-500">{subtitle}</p> : null}
        </div>
        {children}
      </main>
      <LanguageSwitch />
    </div>
  );
}
