"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { LOCALES, ROLES } from "@/db/schema";

type UserFieldValues = { name: string; email: string; role: string; locale: string };
type UserField = keyof UserFieldValues;

/**
 * A new user's name, email, role and language (the invitation and the "New user" form); `children` go between
 * the email and the role (the password).
 */
export function UserFields<V extends UserFieldValues>({
  register,
  errorFor,
  children,
}: {
  register: UseFormRegister<V>;
  errorFor: (field: UserField) => string | undefined;
  children?: ReactNode;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  // The four fields exist in every form that uses this; the generic form type cannot see that by itself.
  const reg = register as unknown as UseFormRegister<UserFieldValues>;
  return (
    <>
      <TextField
        label={t("create.name")}
        required
        autoComplete="off"
        error={errorFor("name")}
        {...reg("name")}
      />
      <TextField
        label={t("create.email")}
        type="email"
        required
        autoComplete="off"
        error={errorFor("email")}
        {...reg("email")}
      />
      {children}
      <SelectField
        label={t("create.role")}
        required
        error={errorFor("role")}
        options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
        {...reg("role")}
      />
      <SelectField
        label={t("create.language")}
        required
        error={errorFor("locale")}
        options={LOCALES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
        {...reg("locale")}
      />
    </>
  );
}
