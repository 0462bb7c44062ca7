"use client";

import type { UseFormRegister } from "react-hook-form";
import { TextField } from "@/app/_components/ui/field";

type PasswordValues = { password: string; confirmPassword: string };

/**
 * A new password and the same typed again (first-run set-up, a link's "choose a password", changing one's own):
 * the browser's password manager is told both are new; the labels and the hint are the caller's words.
 */
export function NewPasswordFields<V extends PasswordValues>({
  register,
  labels,
  errors,
  autoFocus,
}: {
  register: UseFormRegister<V>;
  labels: { password: string; confirmPassword: string; hint: string };
  errors: { password?: string; confirmPassword?: string };
  autoFocus?: boolean;
}) {
  // The two fields exist in every form that uses this; the generic form type cannot see that by itself.
  const reg = register as unknown as UseFormRegister<PasswordValues>;
  return (
    <>
      <TextField
        label={labels.password}
        type="password"
        required
        autoFocus={autoFocus}
        autoComplete="new-password"
        hint={labels.hint}
        error={errors.password}
        {...reg("password")}
      />
      <TextField
        label={labels.confirmPassword}
        type="password"
        required
        autoComplete="new-password"
        error={errors.confirmPassword}
        {...reg("confirmPassword")}
      />
    </>
  );
}
