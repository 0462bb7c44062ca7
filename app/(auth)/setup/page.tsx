import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { isSetupNeeded } from "@/server/setup/setup.queries";
import { AuthCard } from "../_components/auth-card";
import { SetupForm } from "./setup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("setup.title") };
}

/** First run only: answered while the database has no user, 404 once anyone exists. */
export default async function SetupPage() {
  if (!isSetupNeeded(getDb())) notFound();
  const t = await getTranslations("auth.setup");
  return (
    <AuthCard title={t("title")} subtitle={t("subtitle")} wide>
      <SetupForm />
    </AuthCard>
  );
}
