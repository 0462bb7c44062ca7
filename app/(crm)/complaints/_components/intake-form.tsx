"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { messageAt } from "@/app/_components/ui/form-errors";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type Locale } from "@/db/schema";
import { createComplaintInput } from "@/server/complaints/complaints.schemas";

const SHOWN = [
  "accountId",
  "contactId",
  "newContact",
  "channel",
  "category",
  "severity",
  "description",
  "customerRequest",
];

/**
 * The intake as typed (the contact chosen as text: none, an id or "new" with its fields), turned into the
 * procedure's input and checked by its own schema; `chooseAccount` is the message when no account is picked.
 */
function intakeForm(locale: Locale, chooseAccount: string) {
  return z
    .object({
      accountId: z.number().nullable(),
      contact: z.string(),
      newName: z.string(),
      newEmail: z.string(),
      newPhone: z.string(),
      channel: z.enum(COMPLAINT_CHANNELS),
      category: z.enum(COMPLAINT_CATEGORIES),
      severity: z.enum(COMPLAINT_SEVERITIES),
      description: z.string(),
      customerRequest: z.string(),
    })
    .refine((v) => v.accountId !== null, { path: ["accountId"], error: chooseAccount })
    .transform(
      (v): z.input<typeof createComplaintInput> => ({
        accountId: v.accountId ?? 0,
        contactId: v.contact && v.contact !== "new" ? Number(v.contact) : null,
        newContact:
          v.contact === "new"
            ? { name: v.newName, email: v.newEmail.trim() || null, phone: v.newPhone.trim() || null }
            : null,
        channel: v.channel,
        category: v.category,
        severity: v.severity,
        description: v.description,
        customerRequest: v.customerRequest.trim() || null,
        locale,
      }),
    )
    .pipe(createComplaintInput);
}

/** Staff intake from any channel: account, contact (existing or new), what happened and what is asked. */
export function IntakeForm({ initialAccountId }: { initialAccountId: number | null }) {
  const t = useTranslations("complaints.intake");
  const tCat = useTranslations("complaints.category");
  const tChannel = useTranslations("complaints.channel");
  const tSev = useTranslations("complaints.severity");
  const errorText = useComplaintErrors();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const locale = useLocale();
  const [account, setAccount] = useState<{ id: number; name: string | null } | null>(
    initialAccountId ? { id: initialAccountId, name: null } : null,
  );
  const details = useQuery({
    ...trpc.accounts.get.queryOptions({ id: account?.id ?? 0 }),
    enabled: account !== null,
  });
  const contacts = account && details.data ? details.data.contacts : [];
  const schema = intakeForm(locale === "zh" ? "zh" : "en", t("chooseAccount"));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      accountId: initialAccountId,
      contact: "",
      newName: "",
      newEmail: "",
      newPhone: "",
      channel: "phone",
      category: "product_quality",
      severity: "medium",
      description: "",
      customerRequest: "",
    },
  });
  const contact = form.watch("contact");

  const create = useMutation(
    trpc.complaints.create.mutationOptions({
      onSuccess: async (created) => {
        // The account's Complaints card and the queues were fetched before this complaint existed.
        await Promise.all([
          queryClient.invalidateQueries(trpc.complaints.listForAccount.pathFilter()),
          queryClient.invalidateQueries(trpc.complaints.queue.pathFilter()),
        ]);
        router.push(`/complaints/${created.id}`);
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = create.error?.data?.fieldErrors ?? {};
  // The browser's check first (the same schema), then the server's refusal; both speak in codes.
  const err = (name: string) => errorText.field(messageAt(form.formState.errors, name) ?? errors[name]?.[0]);
  const general = errorText.general(create.error, SHOWN);
  const submit = form.handleSubmit((input) => create.mutate(input));

  const accountName = account?.name ?? details.data?.name ?? null;
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4">
      {general ? <Alert>{general}</Alert> : null}
      <AccountPicker
        accountId={account?.id ?? null}
        accountName={accountName}
        onChange={(a) => {
          setAccount(a);
          form.setValue("accountId", a?.id ?? null, { shouldValidate: form.formState.isSubmitted });
          form.setValue("contact", "");
        }}
        error={err("accountId")}
      />
      <SelectField
        label={t("contact")}
        {...form.register("contact")}
        disabled={!account}
        error={err("contactId")}
        options={[
          { value: "", label: t("contactNone") },
          ...contacts.map((c) => ({
            value: String(c.id),
            label: c.email ? `${c.name} · ${c.email}` : c.name,
          })),
          { value: "new", label: t("contactNew") },
        ]}
      />
      {contact === "new" ? (
        <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
          <TextField
            label={t("newName")}
            required
            error={
              err("newContact.name") ?? (errors.newContact?.[0] === "email" ? undefined : err("newContact"))
            }
            {...form.register("newName")}
          />
          <TextField
            label={t("newEmail")}
            type="email"
            error={
              err("newContact.email") ?? (errors.newContact?.[0] === "email" ? err("newContact") : undefined)
            }
            {...form.register("newEmail")}
          />
          <TextField label={t("newPhone")} error={err("newContact.phone")} {...form.register("newPhone")} />
        </fieldset>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t("channel")}
          {...form.register("channel")}
          error={err("channel")}
          options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))}
        />
        <SelectField
          label={t("category")}
          {...form.register("category")}
          error={err("category")}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: tCat(c) }))}
        />
        <SelectField
          label={t("severity")}
          {...form.register("severity")}
          error={err("severity")}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))}
        />
      </div>
      <TextAreaField
        label={t("description")}
        hint={t("descriptionHint")}
        required
        rows={5}
        error={err("description")}
        {...form.register("description")}
      />
      <TextAreaField
        label={t("customerRequest")}
        hint={t("customerRequestHint")}
        error={err("customerRequest")}
        {...form.register("customerRequest")}
      />
      <Button type="submit" disabled={create.isPending || create.isSuccess}>
        {create.isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
