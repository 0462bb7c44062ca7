"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
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

type Values = { email: string; password: string };

/**
 * Signing in. The form checks nothing itself: whatever is typed goes to better-auth, whose answer (wrong
 * email or password, a lock-out until a time, a deactivated account) is the one message shown.
 */
export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  const form = useForm<Values>({ defaultValues: { email: "", password: "" } });

  async function onValid(values: Values) {
    setError(null);
    const { error: failure } = await authClient.signIn.email({
      email: values.email.trim(),
      password: values.password,
    });
    if (failure) {
      const detail = failure as typeof failure & { code?: string; retryAt?: string };
      const time = formatRetryAt(detail.retryAt, locale);
      if (failure.status === 429 && time && detail.code === "ACCOUNT_LOCKED") setError(t("locked", { time }));
      else if (failure.status === 429 && time) setError(t("tooManyAddress", { time }));
      else if (failure.status === 429) setError(t("tooMany"));
      else if (failure.status === 403) setError(t("deactivated"));
      else setError(t("invalid"));
      return;
    }
    // The button stays busy while the app opens.
    setSignedIn(true);
    router.replace("/");
    router.refresh();
  }

  const pending = form.formState.isSubmitting || signedIn;
  return (
    <form onSubmit={form.handleSubmit(onValid)} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label={t("email")}
        type="email"
        autoComplete="username"
        required
        autoFocus
        {...form.register("email")}
      />
      <TextField
        label={t("password")}
        type="password"
        autoComplete="current-password"
        required
        {...form.register("password")}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
