import { LOCALE_COOKIE_NAME } from "@/app/_lib/locale-cookie";
import type { Locale } from "@/db/schema";
import { getSessionUser } from "@/server/auth/server";

type CookieReader = { get(name: string): { value: string } | undefined };

export function parseLocale(value: string | null | undefined): Locale | null {
  return value === "en" || value === "zh" ? value : null;
}

/** The signed-in user's saved language, else the cookie set by the switch, else the browser's preference. */
export async function resolveLocale(headers: Headers, cookies: CookieReader): Promise<Locale> {
  const user = await getSessionUser(headers).catch(() => null);
  if (user) return user.locale;
  const fromCookie = parseLocale(cookies.get(LOCALE_COOKIE_NAME)?.value);
  if (fromCookie) return fromCookie;
  const accept = headers.get("accept-language") ?? "";
  return /^\s*zh/i.test(accept) ? "zh" : "en";
}
