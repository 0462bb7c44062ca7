import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { COMPLAINT_RECORDERS } from "@/server/auth/permissions";
import { IntakeForm } from "../_components/intake-form";

export async function generateMetadata() {
  const t = await getTranslations("complaints.intake");
  return { title: t("title") };
}

export default async function NewComplaintPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user || !COMPLAINT_RECORDERS.includes(user.role)) notFound();
  const t = await getTranslations("complaints");
  const raw = (await searchParams).accountId;
  const parsed = Number(Array.isArray(raw) ? raw[0] : raw);
  const accountId = Number.isInteger(parsed) && parsed > 0 ? parsed : null;
  if (accountId) await prefetch(trpc.accounts.get.queryOptions({ id: accountId }));
  return (
    <>
      <nav className="mb-3 text-sm">
        <Link href="/complaints" className="text-brand-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </nav>
      <PageHeader title={t("intake.title")} subtitle={t("intake.subtitle")} />
      <HydrateClient>
        <IntakeForm initialAccountId={accountId} />
      </HydrateClient>
    </>
  );
}
