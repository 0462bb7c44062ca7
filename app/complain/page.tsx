import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { issueFormToken } from "@/server/complaints/spam-trap";
import { ComplaintForm } from "./_components/complaint-form";
import { PublicShell } from "./_components/public-shell";

// Each visit gets its own signed start time (the minimum-fill-time spam trap), so nothing here is cached.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complain");
  return { title: t("title") };
}

export default async function ComplainPage() {
  const t = await getTranslations("complain");
  const locale = await getLocale();
  return (
    <PublicShell>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-5 text-sm text-slate-500">{t("subtitle")}</p>
      <ComplaintForm formToken={issueFormToken()} locale={locale} />
    </PublicShell>
  );
}
