"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  type ComplaintChannel,
} from "@/db/schema";
import type { CreateComplaintInput } from "@/server/complaints/complaints.schemas";

type Severity = (typeof COMPLAINT_SEVERITIES)[number];
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
  const [contact, setContact] = useState<string>("");
  const [newContact, setNewContact] = useState({ name: "", email: "", phone: "" });
  const [channel, setChannel] = useState<ComplaintChannel>("phone");
  const [category, setCategory] = useState<ComplaintCategory>("product_quality");
  const [severity, setSeverity] = useState<Severity>("medium");
  const [description, setDescription] = useState("");
  const [customerRequest, setCustomerRequest] = useState("");
  const [accountMissing, setAccountMissing] = useState(false);

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
  const err = (name: string) => errorText.field(errors[name]?.[0]);
  const general = errorText.general(create.error, SHOWN);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!account) {
      setAccountMissing(true);
      return;
    }
    setAccountMissing(false);
    const input: CreateComplaintInput = {
      accountId: account.id,
      contactId: contact && contact !== "new" ? Number(contact) : null,
      newContact:
        contact === "new"
          ? {
              name: newContact.name,
              email: newContact.email.trim() || null,
              phone: newContact.phone.trim() || null,
            }
          : null,
      channel,
      category,
      severity,
      description,
      customerRequest: customerRequest.trim() || null,
      locale: locale === "zh" ? "zh" : "en",
    };
    create.mutate(input);
  };

  const accountName = account?.name ?? details.data?.name ?? null;
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl space-y-4">
      {general ? <Alert>{general}</Alert> : null}
      <AccountPicker
        accountId={account?.id ?? null}
        accountName={accountName}
        onChange={(a) => {
          setAccount(a);
          setContact("");
        }}
        error={accountMissing ? t("chooseAccount") : err("accountId")}
      />
      <SelectField
        label={t("contact")}
        value={contact}
        onChange={(e) => setContact(e.target.value)}
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
            value={newContact.name}
            onChange={(e) => setNewContact({ ...newContact, name: e.target.value })}
            error={errors.newContact?.[0] === "email" ? undefined : err("newContact")}
          />
          <TextField
            label={t("newEmail")}
            type="email"
            value={newContact.email}
            onChange={(e) => setNewContact({ ...newContact, email: e.target.value })}
            error={errors.newContact?.[0] === "email" ? err("newContact") : undefined}
          />
          <TextField
            label={t("newPhone")}
            value={newContact.phone}
            onChange={(e) => setNewContact({ ...newContact, phone: e.target.value })}
          />
        </fieldset>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t("channel")}
          value={channel}
          onChange={(e) => setChannel(e.target.value as ComplaintChannel)}
          error={err("channel")}
          options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))}
        />
        <SelectField
          label={t("category")}
          value={category}
          onChange={(e) => setCategory(e.target.value as ComplaintCategory)}
          error={err("category")}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: tCat(c) }))}
        />
        <SelectField
          label={t("severity")}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as Severity)}
          error={err("severity")}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))}
        />
      </div>
      <TextAreaField
        label={t("description")}
        hint={t("descriptionHint")}
        required
        rows={5}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={err("description")}
      />
      <TextAreaField
        label={t("customerRequest")}
        hint={t("customerRequestHint")}
        value={customerRequest}
        onChange={(e) => setCustomerRequest(e.target.value)}
        error={err("customerRequest")}
      />
      <Button type="submit" disabled={create.isPending || create.isSuccess}>
        {create.isPending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
