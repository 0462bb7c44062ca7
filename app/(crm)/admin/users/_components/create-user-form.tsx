"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { FormButtons } from "@/app/_components/ui/form-buttons";
import { UserFields } from "@/app/_components/user-fields";
import { useTRPC } from "@/app/_trpc/client";
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
          <UserFields register={form.register} errorFor={errorFor}>
            <TextField
              label={t("create.password")}
              type="password"
              required
              autoComplete="new-password"
              hint={t("create.passwordHint")}
              error={errorFor("password")}
              {...form.register("password")}
            />
          </UserFields>
        </div>
        <FormButtons
          pending={create.isPending}
          submit={t("create.submit")}
          submitting={t("create.submitting")}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
