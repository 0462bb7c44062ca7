"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { authClient } from "@/app/_lib/auth-client";
import { newPassword } from "@/server/users/users.schemas";

const schema = z
  .object({
    currentPassword: z.string().min(1).max(128),
    password: newPassword,
    confirmPassword: z.string(),
    signOutOthers: z.boolean(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"] });
type Values = z.infer<typeof schema>;

/** better-auth's change-password (audited by the auth hooks), asking for the current password. */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [wrongCurrent, setWrongCurrent] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { currentPassword: "", password: "", confirmPassword: "", signOutOthers: true },
  });
  const errors = form.formState.errors;

  async function onValid(values: Values) {
    setError(null);
    setWrongCurrent(false);
    setSaved(false);
    const { error: failure } = await authClient.changePassword({
      currentPassword: values.currentPassword,
      newPassword: values.password,
      revokeOtherSessions: values.signOutOthers,
    });
    if (failure) {
      if (failure.code === "INVALID_PASSWORD") setWrongCurrent(true);
      else setError(failure.status === 429 ? t("account.tooMany") : t("account.failed"));
      return;
    }
    form.reset();
    setSaved(true);
  }

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={form.handleSubmit(onValid)}
      aria-label={t("account.changePassword")}
    >
      {saved ? <Alert tone="success">{t("account.saved")}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={t("account.currentPassword")}
        type="password"
        required
        autoComplete="current-password"
        error={
          wrongCurrent ? t("account.wrongCurrent") : errors.currentPassword ? t("errors.current") : undefined
        }
        {...form.register("currentPassword", { onChange: () => setWrongCurrent(false) })}
      />
      <NewPasswordFields
        register={form.register}
        labels={{
          password: t("account.newPassword"),
          confirmPassword: t("account.confirmPassword"),
          hint: t("account.passwordHint"),
        }}
        errors={{
          password: errors.password ? t("errors.password") : undefined,
          confirmPassword: errors.confirmPassword ? t("errors.confirmPassword") : undefined,
        }}
      />
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="h-4 w-4" {...form.register("signOutOthers")} />
        {t("account.signOutOthers")}
      </label>
      <Button type="submit" disabled={form.formState.isSubmitting}>
        {form.formState.isSubmitting ? t("account.submitting") : t("account.submit")}
      </Button>
    </form>
  );
}
