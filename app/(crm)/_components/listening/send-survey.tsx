"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useFieldErrors } from "./labels";
import { Modal } from "./modal";

type Contact = { id: number; name: string; email: string | null };

/**
 * Sends the relationship survey to one contact now: by email through the outbox, or as a one-time link the
 * person hands over (shown once, here).
 */
export function SendSurveyButton({
  accountId,
  contacts,
}: {
  accountId: number;
  contacts: readonly Contact[];
}) {
  const t = useTranslations("feedback.surveysCard");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  // Who the survey went to, for the message once it is sent.
  const [sentTo, setSentTo] = useState<Contact | undefined>();
  const [copied, setCopied] = useState(false);
  const send = useMutation(
    trpc.surveys.send.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.surveys.forAccount.queryKey({ accountId }) }),
    }),
  );
  const contact = sentTo;
  function close() {
    setOpen(false);
    send.reset();
  }

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        // The form starts from the first contact each time it opens (the contacts may have changed meanwhile).
        onClick={() => setOpen(true)}
        disabled={contacts.length === 0}
      >
        {t("send")}
      </Button>
      {open ? (
        <Modal title={t("sendTitle")} onClose={close}>
          {send.isSuccess ? (
            <div className="space-y-3">
              {send.data.link ? (
                <>
                  <Alert tone="success">{t("linkReady", { contact: contact?.name ?? "" })}</Alert>
                  <input
                    readOnly
                    aria-label={t("copy")}
                    value={send.data.link}
                    onFocus={(e) => e.currentTarget.select()}
                    className="block w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-1.5 font-mono text-xs"
                    data-testid="survey-link"
                  />
                  <Button
                    size="sm"
                    onClick={async () => {
                      await navigator.clipboard?.writeText(send.data.link ?? "").catch(() => undefined);
                      setCopied(true);
                    }}
                  >
                    {copied ? t("copied") : t("copy")}
                  </Button>
                </>
              ) : (
                <Alert tone="success">{t("mailed", { contact: contact?.name ?? "" })}</Alert>
              )}
              <div>
                <Button variant="secondary" onClick={close}>
                  {tCommon("actions.close")}
                </Button>
              </div>
            </div>
          ) : (
            <SendSurveyForm
              contacts={contacts}
              send={send}
              onCancel={close}
              onSubmit={(values) => {
                setCopied(false);
                setSentTo(contacts.find((c) => String(c.id) === values.contactId));
                send.mutate({
                  accountId,
                  contactId: Number(values.contactId),
                  byEmail: values.method === "email",
                  locale: values.locale === "en" || values.locale === "zh" ? values.locale : null,
                });
              }}
            />
          )}
        </Modal>
      ) : null}
    </>
  );
}

type SendValues = { contactId: string; method: "email" | "hand"; locale: string };

/** Whom to send the survey to, how, and in which language; the server checks the contact belongs here. */
function SendSurveyForm({
  contacts,
  send,
  onSubmit,
  onCancel,
}: {
  contacts: readonly Contact[];
  send: { error: Parameters<typeof useFieldErrors>[0]; isPending: boolean };
  onSubmit: (values: SendValues) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("feedback.surveysCard");
  const tCommon = useTranslations("common");
  const tLang = useTranslations("common.languages");
  const form = useForm<SendValues>({
    defaultValues: {
      contactId: String(contacts[0]?.id ?? ""),
      method: contacts[0]?.email ? "email" : "hand",
      locale: "",
    },
  });
  const errors = useFieldErrors(send.error, ["contactId"]);
  const contactId = form.watch("contactId");
  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-3">
      {errors.general ? <Alert>{errors.general}</Alert> : null}
      <SelectField
        label={t("contact")}
        error={errors.field("contactId")}
        options={contacts.map((c) => ({
          value: String(c.id),
          label: c.email ? `${c.name} <${c.email}>` : c.name,
        }))}
        {...form.register("contactId", {
          // Someone without an email address can only be handed the link.
          onChange: (e: { target: { value: string } }) => {
            const chosen = contacts.find((c) => String(c.id) === e.target.value);
            if (!chosen?.email) form.setValue("method", "hand");
          },
        })}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t("method")}</legend>
        {(["email", "hand"] as const).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm">
            <input type="radio" value={m} className="accent-brand-600" {...form.register("method")} />
            {m === "email" ? t("byEmail") : t("handOver")}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={t("language")}
        options={[
          { value: "", label: t("languageAuto") },
          { value: "en", label: tLang("en") },
          { value: "zh", label: tLang("zh") },
        ]}
        {...form.register("locale")}
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={send.isPending || !contactId}>
          {t("sendSubmit")}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {tCommon("actions.cancel")}
        </Button>
      </div>
    </form>
  );
}
