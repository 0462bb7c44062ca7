"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { authClient } from "@/app/_lib/auth-client";
import { newPassword } from "@/server/users/users.schemas";

const schema = z
  .object({ password: newPassword, confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"] });
type Values = z.infer<typeof schema>;

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { password: "", confirmPassword: "" },
  });

  async function onValid(values: Values) {
    setError(null);
    const { error: failure } = await authClient.resetPassword({ newPassword: values.password, token });
    if (failure) {
      setError(failure.code === "INVALID_TOKEN" ? t("setPassword.expired") : t("setPassword.failed"));
      return;
    }
    router.replace(`/sign-in?password=set`);
  }

  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit(onValid)}>
      {error ? <Alert>{error}</Alert> : null}
      {/* Lets a password manager file the new password under the right email. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t("setPassword.password")}
        type="password"
        required
        autoFocus
        autoComplete="new-password"
        hint={t("setPassword.passwordHint")}
        error={form.formState.errors.password ? t("errors.password") : undefined}
        {...form.register("password")}
      />
      <TextField
        label={t("setPassword.confirmPassword")}
        type="password"
        required
        autoComplete="new-password"
        error={form.formState.errors.confirmPassword ? t("errors.confirmPassword") : undefined}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("setPassword.submitting") : t("setPassword.submit")}
      </Button>
    </form>
  );
}
