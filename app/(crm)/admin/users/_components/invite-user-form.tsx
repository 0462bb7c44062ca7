"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Card } from "@/app/_components/ui/card";
import { FormButtons } from "@/app/_components/ui/form-buttons";
import { UserFields } from "@/app/_components/user-fields";
import { useTRPC } from "@/app/_trpc/client";
import { inviteUserInput } from "@/server/users/users.schemas";
import type { ShownLink } from "./link-panel";

type FormInput = z.input<typeof inviteUserInput>;
type FormOutput = z.output<typeof inviteUserInput>;
type Field = keyof FormInput;

/** The admin's "Invite user" form: no password; the invitee chooses one from the link. */
export function InviteUserForm({
  inviteDays,
  onInvited,
  onCancel,
}: {
  inviteDays: number;
  onInvited: (shown: ShownLink) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("users");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(inviteUserInput),
    defaultValues: { name: "", email: "", role: "account_manager", locale: "en" },
  });
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: async (result) => {
        form.reset();
        onInvited(result);
        await Promise.all([
          queryClient.invalidateQueries(trpc.users.list.pathFilter()),
          queryClient.invalidateQueries(trpc.users.assignable.pathFilter()),
        ]);
      },
    }),
  );

  const serverErrors = invite.error?.data?.fieldErrors ?? {};
  function errorFor(field: Field): string | undefined {
    if (form.formState.errors[field]) return t(`errors.${field}`);
    if (!serverErrors[field]?.length) return undefined;
    if (field === "email" && invite.error?.data?.code === "CONFLICT") return t("errors.emailTaken");
    return t(`errors.${field}`);
  }
  const generalError = invite.error && Object.keys(serverErrors).length === 0 ? t("invite.failed") : null;

  return (
    <Card title={t("invite.title")}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) => invite.mutate(values))}
        onChange={() => {
          if (invite.isError) invite.reset();
        }}
        aria-label={t("invite.title")}
      >
        <p className="text-sm text-slate-600">{t("invite.intro", { days: inviteDays })}</p>
        {generalError ? <Alert>{generalError}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <UserFields register={form.register} errorFor={errorFor} />
        </div>
        <FormButtons
          pending={invite.isPending}
          submit={t("invite.submit")}
          submitting={t("invite.submitting")}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
