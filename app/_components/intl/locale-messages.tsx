// Client components' messages. next-intl's server-side provider would serialise the whole catalog (about 100 KB)
// into every page's RSC payload and again, escaped, into its HTML: a third of every response, rendered, sent and
// parsed on each full page load. Instead each language's catalog is a client module of its own, so the browser
// loads the one it needs once, as a static script it caches, and pages carry only their own data.
import type { ReactNode } from "react";
import type { Locale } from "@/db/schema";
import { ChineseMessages } from "./chinese-messages";
import { EnglishMessages } from "./english-messages";

export function LocaleMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  return locale === "zh" ? (
    <ChineseMessages>{children}</ChineseMessages>
  ) : (
    <EnglishMessages>{children}</EnglishMessages>
  );
}
