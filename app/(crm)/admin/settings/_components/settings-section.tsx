"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps, FormEventHandler, ReactNode } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { messageAt } from "@/app/_components/ui/form-errors";

type ErrorCode = Parameters<ReturnType<typeof useTranslations<"levels.settings.errors">>>[0];
export type ServerError = {
  data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null;
} | null;

/**
 * A settings field's message: the schema's code (from the browser's check, or the server's refusal of that
 * field) in the reader's language (levels.json "settings.errors"), or a sentence the server wrote as it is.
 */
export function useSettingsErrors<V extends FieldValues>(
  form: UseFormReturn<V, unknown, unknown>,
  server: ServerError,
) {
  const t = useTranslations("levels.settings.errors");
  return (name: string): string | undefined => {
    const code = messageAt(form.formState.errors, name) ?? server?.data?.fieldErrors?.[name]?.[0];
    if (!code) return undefined;
    return t.has(code as ErrorCode) ? t(code as ErrorCode) : code;
  };
}

/** A number input bound to a settings form's field, its message beside it. */
export function NumberField<V extends FieldValues>({
  form,
  name,
  label,
  error,
  step = "1",
  ...rest
}: {
  form: UseFormReturn<V, unknown, unknown>;
  name: Path<V>;
  label: string;
  error: (name: string) => string | undefined;
  step?: string;
  min?: number;
  max?: number;
}) {
  return (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      step={step}
      error={error(name)}
      {...rest}
      {...form.register(name, { valueAsNumber: true })}
    />
  );
}

/** A labelled checkbox (register's props, or checked/onChange). */
export function Checkbox({ label, ...props }: { label: ReactNode } & ComponentProps<"input">) {
  return (
    <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
      <input type="checkbox" className="accent-brand-600" {...props} />
      {label}
    </label>
  );
}

/**
 * One settings card: its form, a Save button (its "Saving…" while the request runs), what was saved, and a
 * sentence when the save failed for a reason tied to no field.
 */
export function SettingsSection({
  title,
  hint,
  saved,
  error,
  pending,
  onSubmit,
  submitLabel,
  grid = true,
  labelled = false,
  children,
}: {
  title: string;
  hint?: string;
  saved: string | null;
  error: string | null;
  pending: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel?: string;
  /** The fields two to a row (the number forms), or laid out by the caller. */
  grid?: boolean;
  /** The form is a landmark named by the card's title. */
  labelled?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("levels.settings");
  const tc = useTranslations("common");
  return (
    <Card title={title}>
      <form noValidate onSubmit={onSubmit} aria-label={labelled ? title : undefined} className="space-y-3">
        {hint ? <p className="text-sm text-slate-500">{hint}</p> : null}
        {grid ? <div className="grid gap-3 sm:grid-cols-2">{children}</div> : children}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? tc("actions.saving") : (submitLabel ?? t("save"))}
          </Button>
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              {saved}
            </p>
          ) : null}
        </div>
        {error ? <Alert>{error}</Alert> : null}
      </form>
    </Card>
  );
}
