"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_COOKIE_NAME } from "@/app/_lib/locale-cookie";
import { useTRPC } from "@/app/_trpc/client";

const LOCALES = ["en", "zh"] as const;

/** English / 简体中文. Signed in, the choice is saved on the user; before sign-in, in a cookie. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const setLocale = useMutation(trpc.users.setLocale.mutationOptions());

  async function choose(next: (typeof LOCALES)[number]) {
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server on the next render
    document.cookie = `${LOCALE_COOKIE_NAME}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (signedIn) await setLocale.mutateAsync({ locale: next });
    router.refresh();
  }

  return (
    <label className="flex items-center gap-1.5 text-slate-600">
      <span>{t("shell.language")}</span>
      <select
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        value={locale}
        disabled={setLocale.isPending}
        onChange={(e) => void choose(e.target.value as (typeof LOCALES)[number])}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
