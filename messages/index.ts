// Message catalogs, one JSON file per namespace and language (messages/en.ts, messages/zh.ts). Add a namespace to
// both. The browser gets its language's catalog as a static script (app/_components/intl), never inside a page.
import type { Locale } from "@/db/schema";
import { english } from "./en";
import { chinese } from "./zh";

export const catalogs = { en: english, zh: chinese } as const;

export type Messages = (typeof catalogs)["en"];

export function messagesFor(locale: Locale): Messages {
  return catalogs[locale] as unknown as Messages;
}
