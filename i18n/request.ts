import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/messages";
import { resolveLocale } from "./locale";

export default getRequestConfig(async () => {
  const locale = await resolveLocale(await headers(), await cookies());
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
