"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { english } from "@/messages/en";

/** The English catalog for client components, from a static script the browser caches (see locale-messages.tsx). */
export function EnglishMessages({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="en" messages={english} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
