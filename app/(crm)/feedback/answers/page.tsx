import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { currentUser, HydrateClient, prefetch, trpc } from "@/app/_trpc/server";
import { AnswersList } from "../_components/answers-list";
import { answersInputOf, answersViewFromParams } from "../_components/answers-params";
import { recordParams } from "../_components/list-params";

export async function generateMetadata() {
  const t = await getTranslations("feedback.answers");
  return { title: t("title") };
}

export default async function SurveyAnswersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (!user) notFound();
  const t = await getTranslations("feedback.answers");
  const managerDefault = user.role === "account_manager";
  const view = answersViewFromParams(recordParams(await searchParams), managerDefault);
  await prefetch(
    trpc.surveys.answers.infiniteQueryOptions(answersInputOf(view), {
      getNextPageParam: (p) => p.nextCursor,
    }),
  );
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <HydrateClient>
        <AnswersList managerDefault={managerDefault} />
      </HydrateClient>
    </>
  );
}
