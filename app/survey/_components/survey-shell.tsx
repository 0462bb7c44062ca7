import type { ReactNode } from "react";
import { LanguageSwitch } from "@/app/_components/language-switch";
import type { Locale } from "@/db/schema";

/** The frame of the public survey page: no sign-in, no navigation, a language switch; fits a phone. */
export function SurveyShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <div
      lang={locale === "zh" ? "zh-CN" : "en"}
      className="flex min-h-screen flex-col items-center gap-5 px-3 py-6 sm:py-10"
    >
      <main className="w-full max-w-xl rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        {children}
      </main>
      <LanguageSwitch />
    </div>
  );
}
