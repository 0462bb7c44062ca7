"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";

type NameSchema = z.ZodType<{ name: string }, { name: string }>;

/**
 * "Save as…": one name for what the page shows now (a list's filters as a saved view, a what-if scenario),
 * checked by the procedure's own schema for the name. `error` words a message: the browser's check gives the
 * schema's message, the server's refusal comes from the caller.
 */
export function NameForm({
  label,
  formLabel,
  submit,
  schema,
  pending,
  error,
  onSave,
  onCancel,
  cancel,
  fieldClassName,
  maxLength,
}: {
  label: string;
  formLabel?: string;
  submit: string;
  schema: NameSchema;
  pending: boolean;
  error: (clientMessage: string | undefined) => string | undefined;
  onSave: (name: string, done: () => void) => void;
  onCancel?: () => void;
  cancel?: string;
  fieldClassName: string;
  maxLength?: number;
}) {
  const form = useForm<{ name: string }>({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  return (
    <form
      noValidate
      aria-label={formLabel}
      className="flex flex-wrap items-end gap-2"
      onSubmit={form.handleSubmit(({ name }) => onSave(name, () => form.reset({ name: "" })))}
    >
      <TextField
        label={label}
        className={fieldClassName}
        required
        maxLength={maxLength}
        error={error(form.formState.errors.name?.message)}
        {...form.register("name")}
      />
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
      {onCancel ? (
        <Button variant="ghost" onClick={onCancel}>
          {cancel}
        </Button>
      ) : null}
    </form>
  );
}
