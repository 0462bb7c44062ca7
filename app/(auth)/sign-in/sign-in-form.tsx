"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { authClient } from "@/app/_lib/auth-client";

/** "09:42", or "3 Dec 09:42" when the time is not today, in the reader's language. */
function formatRetryAt(iso: string | undefined, locale: string): string | null {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const sameDay = at.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    ...(sameDay ? {} : { day: "numeric", month: "short" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: String(form.get("email") ?? "").trim(),
      password: String(form.get("password") ?? ""),
    });
    if (failure) {
      setPending(false);
      const detail = failure as typeof failure & { code?: string; retryAt?: string };
      const time = formatRetryAt(detail.retryAt, locale);
      if (failure.status === 429 && time && detail.code === "ACCOUNT_LOCKED") setError(t("locked", { time }));
      else if (failure.status === 429 && time) setError(t("tooManyAddress", { time }));
      else if (failure.status === 429) setError(t("tooMany"));
      else if (failure.status === 403) setError(t("deactivated"));
      else setError(t("invalid"));
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <TextField label={t("email")} name="email" type="email" autoComplete="username" required autoFocus />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
