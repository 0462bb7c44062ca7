"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { contactFields } from "@/server/contacts/contacts.schemas";
import { applyServerErrors, useFieldMessage } from "./form-errors";

type Contact = {
  id: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
};
type Input = z.input<typeof contactFields>;
type Output = z.output<typeof contactFields>;

export function ContactsCard({
  accountId,
  contacts,
  canEdit,
}: {
  accountId: number;
  contacts: Contact[];
  canEdit: boolean;
}) {
  const t = useTranslations("accounts.contacts");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // null: no form; "new": adding; a number: editing that contact.
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.accounts.get.queryKey({ id: accountId }) });
  const remove = useMutation(trpc.contacts.delete.mutationOptions({ onSuccess: refresh }));

  return (
    <Card
      title={t("title")}
      actions={
        canEdit && editing === null ? (
          <Button size="sm" variant="secondary" onClick={() => setEditing("new")}>
            {t("add")}
          </Button>
        ) : null
      }
    >
      {editing === "new" ? (
        <ContactForm accountId={accountId} onDone={() => setEditing(null)} onSaved={refresh} />
      ) : null}
      {contacts.length === 0 && editing !== "new" ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : null}
      <ul className="divide-y divide-slate-100">
        {contacts.map((c) =>
          editing === c.id ? (
            <li key={c.id} className="py-3">
              <ContactForm
                accountId={accountId}
                contact={c}
                onDone={() => setEditing(null)}
                onSaved={refresh}
              />
            </li>
          ) : (
            <li key={c.id} className="flex items-start justify-between gap-2 py-2.5">
              <div className="min-w-0 text-sm">
                <p className="truncate font-medium text-slate-800">{c.name}</p>
                {c.title ? <p className="truncate text-slate-600">{c.title}</p> : null}
                {c.email ? (
                  <a className="block truncate text-brand-700 hover:underline" href={`mailto:${c.email}`}>
                    {c.email}
                  </a>
                ) : null}
                {c.phone ? <p className="text-slate-600">{c.phone}</p> : null}
                {c.notes ? (
                  <p className="mt-1 whitespace-pre-line text-xs text-slate-500">{c.notes}</p>
                ) : null}
              </div>
              {canEdit && editing === null ? (
                <div className="flex shrink-0 gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("edit", { name: c.name })}
                    onClick={() => setEditing(c.id)}
                  >
                    ✎
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("delete", { name: c.name })}
                    disabled={remove.isPending}
                    onClick={() => {
                      if (window.confirm(t("confirmDelete", { name: c.name }))) remove.mutate({ id: c.id });
                    }}
                  >
                    ✕
                  </Button>
                </div>
              ) : null}
            </li>
          ),
        )}
      </ul>
    </Card>
  );
}

function ContactForm({
  accountId,
  contact,
  onDone,
  onSaved,
}: {
  accountId: number;
  contact?: Contact;
  onDone: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const t = useTranslations("accounts.contacts");
  const tErr = useTranslations("accounts.errors");
  const trpc = useTRPC();
  const message = useFieldMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(contactFields),
    defaultValues: {
      name: contact?.name ?? "",
      title: contact?.title ?? "",
      email: contact?.email ?? "",
      phone: contact?.phone ?? "",
      notes: contact?.notes ?? "",
    },
  });
  const onError = (error: { data?: { code?: string; fieldErrors?: Record<string, string[]> } | null }) => {
    if (applyServerErrors(error.data?.fieldErrors, form.setError)) setFailure(tErr("generic"));
    else setFailure(error.data?.code === "FORBIDDEN" ? tErr("forbidden") : tErr("failed"));
  };
  const onSuccess = async () => {
    await onSaved();
    onDone();
  };
  const create = useMutation(trpc.contacts.create.mutationOptions({ onError, onSuccess }));
  const update = useMutation(trpc.contacts.update.mutationOptions({ onError, onSuccess }));
  const submit = form.handleSubmit((values) => {
    setFailure(null);
    if (contact) update.mutate({ id: contact.id, ...values });
    else create.mutate({ accountId, ...values });
  });
  const { errors } = form.formState;
  const err = (field: keyof Input) => message(field, errors[field], "contact");

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={contact ? t("formTitleEdit") : t("formTitleNew")}
      className="mb-3 space-y-3 rounded-md bg-slate-50 p-3"
      onKeyDown={(e) => {
        if (e.key === "Escape") onDone();
      }}
    >
      {failure ? <Alert>{failure}</Alert> : null}
      <TextField label={t("name")} required autoFocus error={err("name")} {...form.register("name")} />
      <TextField label={t("jobTitle")} error={err("title")} {...form.register("title")} />
      <TextField label={t("email")} type="email" error={err("email")} {...form.register("email")} />
      <TextField label={t("phone")} type="tel" error={err("phone")} {...form.register("phone")} />
      <TextAreaField label={t("notes")} error={err("notes")} {...form.register("notes")} />
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={create.isPending || update.isPending}>
          {t("save")}
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
