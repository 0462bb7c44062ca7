"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { WEBHOOK_EVENTS } from "@/db/schema";
import { editEndpointInput } from "@/server/webhooks/webhooks.schemas";

export type EndpointValues = z.output<typeof editEndpointInput>;
type FormInput = z.input<typeof editEndpointInput>;
type Field = "url" | "description" | "events";

/** The schema's and the server's codes that have their own sentence (webhooks.schemas, webhooks.rules). */
const KNOWN = ["required", "url.invalid", "url.scheme", "url.credentials", "url.private", "chooseEvent"];

/**
 * An endpoint's URL, description and events (and, when editing, whether it is enabled), checked in the browser
 * by the server's own schema; the server's own refusals (a private address, credentials) show beside the field.
 */
export function EndpointForm({
  label,
  defaultValues,
  withActive,
  submitLabel,
  pendingLabel,
  pending,
  serverErrors,
  failed,
  onSubmit,
  onCancel,
  onEdit,
}: {
  label: string;
  defaultValues: FormInput;
  withActive: boolean;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  serverErrors: Record<string, string[] | undefined>;
  /** The save failed for a reason that is not a field's. */
  failed: boolean;
  onSubmit: (values: EndpointValues) => void;
  onCancel?: () => void;
  /** A field changed: the caller clears the last attempt's errors and notices. */
  onEdit?: () => void;
}) {
  const t = useTranslations("webhooks");
  const tc = useTranslations("common");
  const id = useId();
  const form = useForm<FormInput, unknown, EndpointValues>({
    resolver: zodResolver(editEndpointInput),
    defaultValues,
  });

  function errorFor(field: Field): string | undefined {
    const code = form.formState.errors[field]?.message ?? serverErrors[field]?.[0];
    if (!code) return undefined;
    if (code === "tooLong") return t(field === "url" ? "errors.tooLong.url" : "errors.tooLong.description");
    return KNOWN.includes(code) ? t(`errors.${code}` as "errors.required") : t("errors.invalid");
  }
  const eventsError = errorFor("events");

  return (
    <form
      noValidate
      className="space-y-4"
      aria-label={label}
      onSubmit={form.handleSubmit(onSubmit)}
      onChange={onEdit}
    >
      {failed ? <Alert>{t("form.failed")}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label={t("form.url")}
          hint={t("form.urlHint")}
          required
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          error={errorFor("url")}
          {...form.register("url")}
        />
        <TextField
          label={t("form.description")}
          hint={t("form.descriptionHint")}
          autoComplete="off"
          maxLength={200}
          error={errorFor("description")}
          {...form.register("description")}
        />
      </div>
      <fieldset aria-describedby={eventsError ? `${id}-events-error` : undefined}>
        <legend className="text-sm font-medium text-slate-700">
          {t("form.events")}
          <span className="ml-0.5 text-red-600" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="mt-1 grid gap-x-4 gap-y-1.5 sm:grid-cols-2 lg:grid-cols-3">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="mt-0.5"
                value={event}
                aria-invalid={eventsError ? true : undefined}
                {...form.register("events")}
              />
              <span>
                {t(`events.${event}`)}
                <span className="block font-mono text-xs text-slate-500">{event}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? (
          <p id={`${id}-events-error`} role="alert" className="mt-1 text-xs text-red-600">
            {eventsError}
          </p>
        ) : null}
      </fieldset>
      {withActive ? (
        <div>
          <label className="flex items-start gap-2 text-sm font-medium text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5"
              aria-describedby={`${id}-active-hint`}
              {...form.register("active")}
            />
            {t("form.active")}
          </label>
          <p id={`${id}-active-hint`} className="ml-6 text-xs text-slate-500">
            {t("form.activeHint")}
          </p>
        </div>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel} disabled={pending}>
            {tc("actions.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
