"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { LOCALES, ROLES } from "@/db/schema";

type UserFieldValues = { name: string; email: string; locale: string; role?: string };
type UserField = "name" | "email" | "role" | "locale";

/**
 * A person's name, email, role and language: the admin's invitation and "New user" forms ask them about
 * someone else; the first-run set-up (`self`) asks the first admin about themselves (their own words, the
 * browser's autofill of name and sign-in email, and no role: they are the admin). `children` go between the
 * email and the role (the password fields).
 */
export function UserFields<V extends UserFieldValues>({
  register,
  errorFor,
  self = false,
  children,
}: {
  register: UseFormRegister<V>;
  errorFor: (field: UserField & keyof V) => string | undefined;
  self?: boolean;
  children?: ReactNode;
}) {
  const tUsers = useTranslations("users.create");
  const tSetup = useTranslations("auth.setup");
  const tc = useTranslations("common");
  const t = (key: "name" | "email" | "language") => (self ? tSetup(key) : tUsers(key));
  // The fields exist in every form that uses this; the generic form type cannot see that by itself.
  const reg = register as unknown as UseFormRegister<Required<UserFieldValues>>;
  const errorOf = errorFor as (field: UserField) => string | undefined;
  return (
    <>
      <TextField
        label={t("name")}
        required
        autoComplete={self ? "name" : "off"}
        autoFocus={self || undefined}
        error={errorOf("name")}
        {...reg("name")}
      />
      <TextField
        label={t("email")}
        type="email"
        required
        autoComplete={self ? "username" : "off"}
        error={errorOf("email")}
        {...reg("email")}
      />
      {children}
      {self ? null : (
        <SelectField
          label={tUsers("role")}
          required
          error={errorOf("role")}
          options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
          {...reg("role")}
        />
      )}
      <SelectField
        label={t("language")}
        required
        error={errorOf("locale")}
        options={LOCALES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
        {...reg("locale")}
      />
    </>
  );
}
