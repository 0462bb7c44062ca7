import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { currentUser } from "@/app/_trpc/server";
import { getDb } from "@/db/client";
import { nameLabelsFor } from "@/server/admin/name-labels.queries";
import { AppShell } from "./_components/app-shell";
import { NameLabelsProvider } from "./_components/name-labels";

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  // Segments and stages in the reader's language, for every page of the app (a few rows).
  const labels = nameLabelsFor(getDb(), (await getLocale()) === "zh" ? "zh" : "en");
  return (
    <AppShell user={user}>
      <NameLabelsProvider labels={labels}>{children}</NameLabelsProvider>
    </AppShell>
  );
}
