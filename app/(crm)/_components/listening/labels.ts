"use client";

import { useTranslations } from "next-intl";

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
