"use client";

import { useTranslations } from "next-intl";

// The error codes the activities/tasks schemas and queries use (server/activities/*.schemas.ts).
const CODES = [
  "required",
  "summaryTooLong",
  "titleTooLong",
  "invalidType",
  "invalidDate",
  "tooEarly",
  "tooLate",
  "tooFarAhead",
  "contactNotOnAccount",
  "assigneeNotAllowed",
] as const;
type Code = (typeof CODES)[number];

function isCode(message: string): message is Code {
  return (CODES as readonly string[]).includes(message);
}

type ServerError = {
  message: string;
  data?: { code?: string; fieldErrors?: Record<string, string[]> } | null;
};

/** Translates schema error codes for display beside a field, and server refusals for an Alert. */
export function useErrorText() {
  const t = useTranslations("activities.errors");
  return {
    field(message: string | undefined): string | undefined {
      if (!message) return undefined;
      return isCode(message) ? t(message) : message;
    },
    general(error: ServerError): string {
      if (error.data?.code === "FORBIDDEN") return t("forbidden");
      if (error.data?.code === "NOT_FOUND") return t("notFound");
      return t("generic");
    },
  };
}

/** Field errors a refused mutation carried, for react-hook-form's setError. */
export function serverFieldErrors(error: ServerError): Array<[string, string]> {
  return Object.entries(error.data?.fieldErrors ?? {}).flatMap(([field, messages]) =>
    messages?.[0] ? [[field, messages[0]] as [string, string]] : [],
  );
}
