"use client";

// Turns zod issues (from the shared schemas, run in the browser) and server fieldErrors into catalog text,
// so a Chinese-speaking user never sees the schemas' English fallback messages.
import { useTranslations } from "next-intl";
import type { FieldError as RhfFieldError } from "react-hook-form";

export type ServerFieldErrors = Record<string, string[] | undefined> | undefined;

type ErrorKey =
  | "required"
  | "tooLong"
  | "email"
  | "phone"
  | "duplicateAccountRef"
  | "duplicateOrderRef"
  | "owner"
  | "reassign"
  | "amount"
  | "margin"
  | "marginAboveAmount"
  | "date";

/** The message for one field: by the kind, then by the field for refinements and server refusals. */
export function useFieldMessage() {
  const t = useTranslations("accounts.errors");
  return (
    field: string,
    error: RhfFieldError | undefined,
    context: "account" | "order" | "contact" = "account",
  ) => {
    if (!error) return undefined;
    let key: ErrorKey | undefined;
    if (error.type === "server") {
      if (field === "externalRef") key = context === "order" ? "duplicateOrderRef" : "duplicateAccountRef";
      else if (field === "ownerId") key = error.message?.includes("reassign") ? "reassign" : "owner";
    } else if (field === "email") key = "email";
    else if (field === "phone") key = "phone";
    else if (field === "orderedAt") key = "date";
    else if (field === "amount") key = "amount";
    else if (field === "margin") key = error.message?.includes("exceed") ? "marginAboveAmount" : "margin";
    else if (error.type === "too_small") key = "required";
    else if (error.type === "too_big") key = "tooLong";
    return key ? t(key) : (error.message ?? t("generic" as never));
  };
}

/** Puts the server's per-field refusals on the form; returns whether there were any. */
export function applyServerErrors(
  fieldErrors: ServerFieldErrors,
  setError: (name: never, error: { type: string; message?: string }) => void,
): boolean {
  if (!fieldErrors) return false;
  let any = false;
  for (const [name, messages] of Object.entries(fieldErrors)) {
    if (!messages?.length) continue;
    setError(name as never, { type: "server", message: messages[0] });
    any = true;
  }
  return any;
}
