"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { UserFields } from "@/app/_components/user-fields";
import { authClient } from "@/app/_lib/auth-client";
import { useTRPC } from "@/app/_trpc/client";
import { setupInput } from "@/server/setup/setup.schemas";

type FormInput = z.input<typeof setupInput>;
type FormOutput = z.output<typeof setupInput>;
type Field = keyof FormInput;

/** Creates the first admin, then signs them in. */
export function SetupForm() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [signInFailed, setSignInFailed] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(setupInput),
    defaultValues: {
      name: "",
      email: "",
      password: "",
      confirmPassword: "",
      locale: locale === "zh" ? "zh" : "en",
    },
  });
  const create = useMutation(
    trpc.setup.createAdmin.mutationOptions({
      onSuccess: async (_created, values) => {
        const { error } = await authClient.signIn.email({ email: values.email, password: values.password });
        if (error) {
          setSignInFailed(true);
          router.replace("/sign-in");
          return;
        }
        router.replace("/");
        router.refresh();
      },
    }),
  );

  const serverErrors = create.error?.data?.fieldErrors ?? {};
  function errorFor(field: Field): string | undefined {
    if (form.formState.errors[field] || serverErrors[field]?.length) return t(`errors.${field}`);
    return undefined;
  }
  const alreadyDone = create.error?.data?.code === "NOT_FOUND";
  const generalError = signInFailed
    ? t("setup.signInFailed")
    : alreadyDone
      ? t("setup.alreadyDone")
      : create.error && Object.keys(serverErrors).length === 0
        ? t("setup.failed")
        : null;
  const busy = create.isPending || create.isSuccess;

  return (
    <form noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      {generalError ? <Alert>{generalError}</Alert> : null}
      <UserFields register={form.register} errorFor={errorFor} self>
        <NewPasswordFields
          register={form.register}
          labels={{
            password: t("setup.password"),
            confirmPassword: t("setup.confirmPassword"),
            hint: t("setup.passwordHint"),
          }}
          errors={{ password: errorFor("password"), confirmPassword: errorFor("confirmPassword") }}
        />
      </UserFields>
      <Button type="submit" className="w-full" disabled={busy}>
        {busy ? t("setup.submitting") : t("setup.submit")}
      </Button>
    </form>
  );
}
