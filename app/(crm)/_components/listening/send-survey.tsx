"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
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
  const tLang = useTranslations("common.languages");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [contactId, setContactId] = useState(String(contacts[0]?.id ?? ""));
  const [method, setMethod] = useState<"email" | "hand">(contacts[0]?.email ? "email" : "hand");
  const [locale, setLocale] = useState("");
  const [copied, setCopied] = useState(false);
  const send = useMutation(
    trpc.surveys.send.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.surveys.forAccount.queryKey({ accountId }) }),
    }),
  );
  const errors = useFieldErrors(send.error, ["contactId"]);
  const contact = contacts.find((c) => String(c.id) === contactId);

  function submit(event: FormEvent) {
    event.preventDefault();
    setCopied(false);
    send.mutate({
      accountId,
      contactId: Number(contactId),
      byEmail: method === "email",
      locale: locale === "en" || locale === "zh" ? locale : null,
    });
  }
  function close() {
    setOpen(false);
    send.reset();
  }

  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => {
          // The contacts may have changed since the card first drew: start from the first one each time.
          setContactId(String(contacts[0]?.id ?? ""));
          setMethod(contacts[0]?.email ? "email" : "hand");
          setOpen(true);
        }}
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
            <form onSubmit={submit} noValidate className="space-y-3">
              {errors.general ? <Alert>{errors.general}</Alert> : null}
              <SelectField
                label={t("contact")}
                value={contactId}
                onChange={(e) => {
                  setContactId(e.target.value);
                  const chosen = contacts.find((c) => String(c.id) === e.target.value);
                  if (!chosen?.email) setMethod("hand");
                }}
                error={errors.field("contactId")}
                options={contacts.map((c) => ({
                  value: String(c.id),
                  label: c.email ? `${c.name} <${c.email}>` : c.name,
                }))}
              />
              <fieldset className="space-y-1">
                <legend className="text-sm font-medium text-slate-700">{t("method")}</legend>
                {(["email", "hand"] as const).map((m) => (
                  <label key={m} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="method"
                      value={m}
                      checked={method === m}
                      onChange={() => setMethod(m)}
                      className="accent-brand-600"
                    />
                    {m === "email" ? t("byEmail") : t("handOver")}
                  </label>
                ))}
              </fieldset>
              <SelectField
                label={t("language")}
                value={locale}
                onChange={(e) => setLocale(e.target.value)}
                options={[
                  { value: "", label: t("languageAuto") },
                  { value: "en", label: tLang("en") },
                  { value: "zh", label: tLang("zh") },
                ]}
              />
              <div className="flex gap-2">
                <Button type="submit" disabled={send.isPending || !contactId}>
                  {t("sendSubmit")}
                </Button>
                <Button variant="secondary" onClick={close}>
                  {tCommon("actions.cancel")}
                </Button>
              </div>
            </form>
          )}
        </Modal>
      ) : null}
    </>
  );
}
