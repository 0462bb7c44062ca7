import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "../_components/public-shell";
import { StatusLookup } from "../_components/status-lookup";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("complain.status");
  return { title: t("title") };
}

export default async function ComplaintStatusPage({
  searchParams,
}: {
  searchParams: Promise<{ ref?: string }>;
}) {
  const t = await getTranslations("complain.status");
  const { ref } = await searchParams;
  return (
    <PublicShell>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="mt-1 mb-5 text-sm text-slate-500">{t("subtitle")}</p>
      <StatusLookup initialReference={typeof ref === "string" ? ref.slice(0, 40) : ""} />
    </PublicShell>
  );
}
