"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
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
      <NewPasswordFields
        register={form.register}
        autoFocus
        labels={{
          password: t("setPassword.password"),
          confirmPassword: t("setPassword.confirmPassword"),
          hint: t("setPassword.passwordHint"),
        }}
        errors={{
          password: form.formState.errors.password ? t("errors.password") : undefined,
          confirmPassword: form.formState.errors.confirmPassword ? t("errors.confirmPassword") : undefined,
        }}
      />
      <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("setPassword.submitting") : t("setPassword.submit")}
      </Button>
    </form>
  );
}
