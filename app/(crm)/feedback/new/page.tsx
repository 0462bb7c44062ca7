import { getTranslations } from "next-intl/server";
import { Card, PageHeader } from "@/app/_components/ui/card";
import { HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { FeedbackForm } from "@/app/(crm)/_components/listening/feedback-form";

export async function generateMetadata() {
  const t = await getTranslations("feedback.record");
  return { title: t("title") };
}

export default async function NewFeedbackPage() {
  const t = await getTranslations("feedback.record");
  await prefetch(trpc.feedback.options.queryOptions());
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card>
        <HydrateClient>
          <FeedbackForm />
        </HydrateClient>
      </Card>
    </div>
  );
}
