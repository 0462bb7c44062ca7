// Text the system writes (issue #12 §7): stored as a message key of the "system" catalog with its parameters,
// shown in the reader's language. The stored title keeps the English rendering for search and exports.
import { createTranslator } from "next-intl";
import enSystem from "@/messages/en/system.json";

export type SystemTextParams = Record<string, string | number>;
export type SystemTextKey = `task.${keyof typeof enSystem.task}`;
export type SystemText = { key: SystemTextKey; params?: SystemTextParams };

const english = createTranslator({ locale: "en", messages: { system: enSystem }, namespace: "system" });

/** The English rendering of a system text (what the title column keeps beside the key). */
export function englishText(text: SystemText): string {
  return english(text.key, text.params ?? {});
}

/** The columns a row stores for a system-written title. */
export function systemTitle(text: SystemText): {
  title: string;
  titleKey: string;
  titleParams: string | null;
} {
  return {
    title: englishText(text),
    titleKey: text.key,
    titleParams: text.params && Object.keys(text.params).length ? JSON.stringify(text.params) : null,
  };
}

/** Reads stored params back; a damaged value gives none rather than an error on screen. */
export function parseParams(raw: string | null | undefined): SystemTextParams {
  if (!raw) return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" ? (value as SystemTextParams) : {};
  } catch {
    return {};
  }
}
