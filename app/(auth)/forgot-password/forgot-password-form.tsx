"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";

const schema = z.object({ email: z.string().trim().max(200).pipe(z.email()) });
type Values = z.infer<typeof schema>;

/** Asks better-auth for a reset link; the answer is the same whether or not the email belongs to someone. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: "" } });

  async function onValid({ email }: Values) {
    setError(null);
    const { error: failure } = await authClient.requestPasswordReset({ email });
    if (failure) {
      setError(failure.status === 429 ? t("tooMany") : t("failed"));
      return;
    }
    setSentTo(email);
  }
  const pending = form.formState.isSubmitting;

  return (
    <div className="space-y-4">
      {sentTo ? (
        <>
          <Alert tone="success">{t("sent", { email: sentTo })}</Alert>
          <p className="text-sm text-slate-600">{t("noMail")}</p>
        </>
      ) : (
        <form onSubmit={form.handleSubmit(onValid, () => setError(null))} className="space-y-4" noValidate>
          {error ? <Alert>{error}</Alert> : null}
          <TextField
            label={t("email")}
            type="email"
            autoComplete="username"
            required
            autoFocus
            error={form.formState.errors.email ? t("invalidEmail") : undefined}
            {...form.register("email")}
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
