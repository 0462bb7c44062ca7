import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/app/_trpc/server";
import { AppShell } from "./_components/app-shell";

export default async function CrmLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return <AppShell user={user}>{children}</AppShell>;
}
