"use client";

import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { chinese } from "@/messages/zh";

/** The Chinese catalog for client components, from a static script the browser caches (see locale-messages.tsx). */
export function ChineseMessages({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider locale="zh" messages={chinese} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
