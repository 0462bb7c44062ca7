"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { messageAt } from "@/app/_components/ui/form-errors";

/** A theme's label: the default themes are translated; a theme an admin added reads as written. */
export function useThemeLabel() {
  const t = useTranslations("feedback.theme");
  return (key: string) => {
    const known = key as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : key.replaceAll("_", " ");
  };
}

type TrpcLikeError = {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null; code?: string } | null;
} | null;

/**
 * Field messages of a refused call, translated from the codes the server sends (feedback.json "errors");
 * a sentence the server wrote stays as it is. `general` is for a refusal tied to no field shown.
 */
export function useFieldErrors(error: TrpcLikeError, fields: readonly string[]) {
  const t = useTranslations("feedback.errors");
  const byField = error?.data?.fieldErrors ?? {};
  const text = (code: string | undefined) => {
    if (!code) return undefined;
    const known = code as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : code;
  };
  const field = (name: string) => text(byField[name]?.[0]);
  const shown = fields.some((f) => byField[f]?.length);
  const general = error && !shown ? (text(Object.values(byField).flat()[0]) ?? error.message) : null;
  return { field, general };
}

/**
 * A react-hook-form form whose schema speaks in codes (feedback.json "errors"): `field` gives a field's message
 * in the reader's language, `refused` puts a refused call's field codes on the fields the form has and keeps
 * the rest as one sentence for the form's Alert (`general`).
 */
export function useCodeErrors<V extends FieldValues>(form: UseFormReturn<V, unknown, unknown>) {
  const t = useTranslations("feedback.errors");
  const text = (code: string | undefined) => {
    if (!code) return undefined;
    const known = code as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : code;
  };
  const errors = form.formState.errors;
  return {
    /** A field's message, or the first of the fields under it. */
    field: (name: Path<V>) => text(messageAt(errors, name)),
    general: text(messageAt(errors, "root.server")),
    refused: (error: NonNullable<TrpcLikeError>) => {
      const names = Object.keys(form.getValues());
      let placed = false;
      for (const [name, codes] of Object.entries(error.data?.fieldErrors ?? {})) {
        if (codes?.[0] && names.includes(name)) {
          form.setError(name as Path<V>, { type: "server", message: codes[0] }, { shouldFocus: !placed });
          placed = true;
        }
      }
      if (!placed) {
        const code = Object.values(error.data?.fieldErrors ?? {}).flat()[0];
        form.setError("root.server", { type: "server", message: code ?? error.message });
      }
    },
  };
}
