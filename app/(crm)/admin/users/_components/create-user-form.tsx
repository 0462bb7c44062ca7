"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { LOCALES, ROLES } from "@/db/schema";
import { createUserInput } from "@/server/users/users.schemas";

type FormInput = z.input<typeof createUserInput>;
type FormOutput = z.output<typeof createUserInput>;
type Field = keyof FormInput;

/** The admin's "New user" form. Validates with the procedure's own schema; the server's answer wins. */
export function CreateUserForm({
  onCreated,
  onCancel,
}: {
  onCreated: (user: { name: string; email: string }) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("users");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createUserInput),
    defaultValues: { name: "", email: "", role: "account_manager", locale: "en", password: "" },
  });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        form.reset();
        onCreated(user);
        await Promise.all([
          queryClient.invalidateQueries(trpc.users.list.pathFilter()),
          queryClient.invalidateQueries(trpc.users.assignable.pathFilter()),
        ]);
      },
    }),
  );

  const serverErrors = create.error?.data?.fieldErrors ?? {};
  // Messages come from the catalog per field, so they read naturally in both languages.
  function errorFor(field: Field): string | undefined {
    if (form.formState.errors[field]) return t(`errors.${field}`);
    if (!serverErrors[field]?.length) return undefined;
    if (field === "email" && create.error?.data?.code === "CONFLICT") return t("errors.emailTaken");
    return t(`errors.${field}`);
  }
  const generalError =
    create.error && Object.keys(serverErrors).length === 0 ? t("errors.createFailed") : null;

  return (
    <Card title={t("create.title")}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) => create.mutate(values))}
        // Once the admin edits the form, the server's previous refusal (e.g. a taken email) no longer applies.
        onChange={() => {
          if (create.isError) create.reset();
        }}
        aria-label={t("create.title")}
      >
        <p className="text-sm text-slate-600">{t("create.intro")}</p>
        {generalError ? <Alert>{generalError}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <TextField
            label={t("create.name")}
            required
            autoComplete="off"
            error={errorFor("name")}
            {...form.register("name")}
          />
          <TextField
            label={t("create.email")}
            type="email"
            required
            autoComplete="off"
            error={errorFor("email")}
            {...form.register("email")}
          />
          <TextField
            label={t("create.password")}
            type="password"
            required
            autoComplete="new-password"
            hint={t("create.passwordHint")}
            error={errorFor("password")}
            {...form.register("password")}
          />
          <SelectField
            label={t("create.role")}
            required
            error={errorFor("role")}
            options={ROLES.map((r) => ({ value: r, label: tc(`roles.${r}`) }))}
            {...form.register("role")}
          />
          <SelectField
            label={t("create.language")}
            required
            error={errorFor("locale")}
            options={LOCALES.map((l) => ({ value: l, label: tc(`languages.${l}`) }))}
            {...form.register("locale")}
          />
        </div>
        <div className="flex gap-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("create.submitting") : t("create.submit")}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>
            {tc("actions.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
