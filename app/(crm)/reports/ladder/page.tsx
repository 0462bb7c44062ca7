import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/ui/card";
import { prefetch, Streamed, trpc } from "@/app/_trpc/server";
import { defaultPeriod } from "@/server/reports/ladder-report.rules";
import { ladderReportInput } from "@/server/reports/ladder-report.schemas";
import { LadderReportView } from "./_components/ladder-report-view";

export default async function LadderReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("reports.ladder");
  const params = await searchParams;
  // A period in the URL that is not valid falls back to the last twelve months rather than an error page.
  const asked = ladderReportInput.safeParse({ from: params.from, to: params.to });
  const period = asked.success ? asked.data : defaultPeriod(Date.now());
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Streamed
        id={["ladder-report", period]}
        load={() => prefetch(trpc.reports.ladder.queryOptions(period))}
      >
        <LadderReportView from={period.from} to={period.to} />
      </Streamed>
    </>
  );
}
