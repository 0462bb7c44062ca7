"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { ACTIVITY_TYPES } from "@/db/schema/activities";
import { type LogActivityInput, logActivityInput } from "@/server/activities/activities.schemas";
import { fromUtcDateTimeInput, toUtcDateTimeInput } from "./datetime";
import { serverFieldErrors, useErrorText } from "./form-errors";

type Props = {
  accountId: number;
  contacts: { id: number; name: string }[];
  onLogged: () => void;
};

// React 19 passes ref as a prop; spreading it lets the shared field components hand it to their control.
function refAndName(field: { name: string; ref: (el: unknown) => void; onBlur: () => void }) {
  return { name: field.name, ref: field.ref, onBlur: field.onBlur };
}

function freshValues(accountId: number): LogActivityInput {
  return { accountId, type: "call", contactId: null, at: Date.now(), summary: "" };
}

export function LogActivityForm({ accountId, contacts, onLogged }: Props) {
  const t = useTranslations("activities.activities");
  const tType = useTranslations("enums.activityType");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(logActivityInput), defaultValues: freshValues(accountId) });
  const { errors } = form.formState;
  const log = useMutation(trpc.activities.log.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      await log.mutateAsync(values);
      form.reset(freshValues(accountId));
      setNotice(t("logged"));
      onLogged();
    } catch (error) {
      const fields = serverFieldErrors(error as Parameters<typeof serverFieldErrors>[0]);
      for (const [field, message] of fields) {
        form.setError(field as keyof LogActivityInput, { message }, { shouldFocus: true });
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("logTitle")} className="space-y-3">
      <h3 className="text-sm font-medium text-slate-700">{t("logTitle")}</h3>
      {log.error && serverFieldErrors(log.error).length === 0 ? (
        <Alert>{errorText.general(log.error)}</Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <div className="flex flex-wrap gap-3 *:min-w-40 *:flex-1">
        <SelectField
          label={t("type")}
          required
          options={ACTIVITY_TYPES.map((type) => ({ value: type, label: tType(type) }))}
          error={errorText.field(errors.type?.message)}
          {...form.register("type")}
        />
        <Controller
          control={form.control}
          name="contactId"
          render={({ field, fieldState }) => (
            <SelectField
              label={t("contact")}
              options={[
                { value: "", label: t("noContact") },
                ...contacts.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              {...refAndName(field)}
              value={field.value == null ? "" : String(field.value)}
              onChange={(e) => field.onChange(e.target.value === "" ? null : Number(e.target.value))}
              error={errorText.field(fieldState.error?.message)}
            />
          )}
        />
        <Controller
          control={form.control}
          name="at"
          render={({ field, fieldState }) => (
            <TextField
              label={t("at")}
              hint={t("atHint")}
              className="min-w-56!"
              type="datetime-local"
              required
              {...refAndName(field)}
              value={field.value == null || Number.isNaN(field.value) ? "" : toUtcDateTimeInput(field.value)}
              onChange={(e) => field.onChange(fromUtcDateTimeInput(e.target.value))}
              error={errorText.field(fieldState.error?.message)}
            />
          )}
        />
      </div>
      <TextAreaField
        label={t("summary")}
        hint={t("summaryHint")}
        required
        rows={3}
        maxLength={2000}
        error={errorText.field(errors.summary?.message)}
        data-palette-target="call"
        {...form.register("summary")}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
