"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import { useFieldErrors } from "@/app/(crm)/_components/listening/labels";
import { ACCOUNT_KINDS, LEVELS } from "@/db/schema";
import { createAccountInput } from "@/server/accounts/accounts.schemas";
import { applyServerErrors, useFieldMessage } from "./form-errors";

type Input = z.input<typeof createAccountInput>;
type Output = z.output<typeof createAccountInput>;

/** Create (no account) or edit (with account) one account; the owner select only for those who may reassign. */
export function AccountForm({
  account,
  canChooseOwner,
}: {
  account?: { id: number } & Omit<Input, "rung">;
  canChooseOwner: boolean;
}) {
  const t = useTranslations("accounts.form");
  const tErr = useTranslations("accounts.errors");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const message = useFieldMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const [referrer, setReferrer] = useState<{ id: number; name: string } | null>(null);
  const owners = useQuery({ ...trpc.accounts.filterOptions.queryOptions(), enabled: canChooseOwner });

  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(createAccountInput),
    defaultValues: account
      ? {
          ...account,
          externalRef: account.externalRef ?? "",
          segment: account.segment ?? "",
          industry: account.industry ?? "",
          ownerId: account.ownerId ?? "",
        }
      : {
          kind: "company",
          name: "",
          externalRef: "",
          segment: "",
          industry: "",
          level: "reactive",
          ownerId: "",
          rung: "suspect",
        },
  });
  const { errors, isSubmitting } = form.formState;

  const onError = (error: { data?: { code?: string; fieldErrors?: Record<string, string[]> } | null }) => {
    if (applyServerErrors(error.data?.fieldErrors, form.setError)) setFailure(tErr("generic"));
    else setFailure(error.data?.code === "FORBIDDEN" ? tErr("forbidden") : tErr("failed"));
  };
  const done = async (id: number) => {
    await queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
    router.push(`/accounts/${id}`);
    router.refresh();
  };
  const create = useMutation(trpc.accounts.create.mutationOptions({ onError, onSuccess: (r) => done(r.id) }));
  const update = useMutation(trpc.accounts.update.mutationOptions({ onError, onSuccess: (r) => done(r.id) }));

  const onSubmit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      if (account) {
        const { rung: _rung, ownerId, ...fields } = values;
        await update
          .mutateAsync({ id: account.id, ...fields, ...(canChooseOwner ? { ownerId } : {}) })
          .catch(() => {});
      } else {
        const referred = { referredByAccountId: referrer?.id ?? null };
        await create
          .mutateAsync(
            canChooseOwner ? { ...values, ...referred } : { ...values, ownerId: null, ...referred },
          )
          .catch(() => {});
      }
    },
    () => setFailure(tErr("generic")),
  );

  const err = (field: keyof Input) => message(field, errors[field]);
  const pending = isSubmitting || create.isPending || update.isPending;
  const referrerError = useFieldErrors(create.error, ["referredByAccountId"]).field("referredByAccountId");

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5"
    >
      {failure ? <Alert>{failure}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("name")}
          required
          autoFocus
          error={err("name")}
          {...form.register("name")}
          className="sm:col-span-2"
        />
        <SelectField
          label={t("kind")}
          error={err("kind")}
          options={ACCOUNT_KINDS.map((k) => ({ value: k, label: tEnums(`kind.${k}`) }))}
          {...form.register("kind")}
        />
        <SelectField
          label={t("level")}
          error={err("level")}
          options={LEVELS.map((l) => ({ value: l, label: tEnums(`level.${l}`) }))}
          {...form.register("level")}
        />
        {account ? null : (
          <SelectField
            label={t("startRung")}
            error={err("rung")}
            options={(["suspect", "prospect"] as const).map((r) => ({
              value: r,
              label: tEnums(`rung.${r}`),
            }))}
            {...form.register("rung")}
          />
        )}
        {canChooseOwner ? (
          <SelectField
            label={t("owner")}
            error={err("ownerId")}
            options={[
              { value: "", label: t("ownerSelf") },
              ...(owners.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
            {...form.register("ownerId")}
          />
        ) : null}
        <TextField
          label={t("externalRef")}
          hint={t("externalRefHint")}
          error={err("externalRef")}
          {...form.register("externalRef")}
        />
        <TextField label={t("segment")} error={err("segment")} {...form.register("segment")} />
        <TextField label={t("industry")} error={err("industry")} {...form.register("industry")} />
        {account ? null : (
          <div className="sm:col-span-2">
            <AccountPicker
              namespace="feedback.referrerPicker"
              accountId={referrer?.id ?? null}
              accountName={referrer?.name ?? null}
              onChange={setReferrer}
              required={false}
              error={referrerError}
            />
          </div>
        )}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {account ? t("save") : t("create")}
        </Button>
        <ButtonLink variant="secondary" href={account ? `/accounts/${account.id}` : "/accounts"}>
          {t("cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
