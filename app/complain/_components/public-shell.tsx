import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { Link } from "@/app/_components/ui/link";

/** The frame of the public complaint pages: no sign-in, no app navigation, a language switch. */
export async function PublicShell({ children }: { children: ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen flex-col items-center gap-6 px-4 py-10">
      <div className="w-full max-w-xl">
        <Link href="/complain" className="font-semibold text-brand-700">
          {t("common.appName")}
        </Link>
      </div>
      <main className="w-full max-w-xl rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        {children}
      </main>
      <LanguageSwitch />
    </div>
  );
}
