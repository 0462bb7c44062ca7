import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/messages";
import { parseLocale, resolveLocale } from "./locale";

// An explicit locale (`getTranslations({ locale })`, as the public survey page asks in the survey's language)
// wins over the visitor's; otherwise the user's, the cookie's or the browser's.
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = parseLocale(explicit) ?? (await resolveLocale(await headers(), await cookies()));
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
