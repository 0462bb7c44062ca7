"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { authClient } from "@/app/_lib/auth-client";

const emailSchema = z.string().trim().max(200).pipe(z.email());

/** Asks better-auth for a reset link; the answer is the same whether or not the email belongs to someone. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailSchema.safeParse(new FormData(event.currentTarget).get("email") ?? "");
    setError(null);
    if (!parsed.success) {
      setFieldError(t("invalidEmail"));
      return;
    }
    setFieldError(null);
    setPending(true);
    const { error: failure } = await authClient.requestPasswordReset({ email: parsed.data });
    setPending(false);
    if (failure) {
      setError(failure.status === 429 ? t("tooMany") : t("failed"));
      return;
    }
    setSentTo(parsed.data);
  }

  return (
    <div className="space-y-4">
      {sentTo ? (
        <>
          <Alert tone="success">{t("sent", { email: sentTo })}</Alert>
          <p className="text-sm text-slate-600">{t("noMail")}</p>
        </>
      ) : (
        <form onSubmit={onSubmit} className="space-y-4" noValidate>
          {error ? <Alert>{error}</Alert> : null}
          <TextField
            label={t("email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            autoFocus
            error={fieldError ?? undefined}
          />
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        </form>
      )}
      <p className="text-sm">
        <Link href="/sign-in" className="text-brand-700 underline underline-offset-2">
          {t("backToSignIn")}
        </Link>
      </p>
    </div>
  );
}
