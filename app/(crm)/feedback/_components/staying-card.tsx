"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { COLORS } from "@/app/_components/report/colors";
import { useFormat } from "@/app/_components/report/format";
import type { Report } from "@/app/_components/report/series";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import type { FeedbackDashboardFilters } from "@/server/feedback/dashboard.schemas";
import type { AppRouter } from "@/server/root";
import { DEFECTED_PAGE_SIZE } from "./dashboard-filters";

type Out = inferRouterOutputs<AppRouter>["feedbackDashboard"];

/** Repurchase and defection within N days per answer class, beside accounts that did not answer. */
export function StayingCard({ data }: { data: Out["staying"] }) {
  const t = useTranslations("feedbackDashboard.staying");
  const tClass = useTranslations("feedback.answerClass");
  const f = useFormat();
  const mature = f.date(data.matureBefore);
  const rows = data.rows.map((r) => ({ ...r, name: tClass(r.cls) }));
  const title = t("title", { days: data.days });
  const report: Report = {
    rows,
    category: { key: "name", label: t("class"), csv: "answer_class", csvValue: (r) => String(r.cls) },
    series: [
      { key: "repurchaseRate", label: t("repurchaseRate"), format: "percent", color: COLORS.good },
      { key: "defectionRate", label: t("defectionRate"), format: "percent", color: COLORS.bad },
      { key: "accounts", label: t("accounts"), format: "count", chart: false },
      { key: "repurchased", label: t("repurchased"), format: "count", chart: false },
      { key: "defected", label: t("defected"), format: "count", chart: false },
    ],
  };
  const p = data.promotersDefected;
  return (
    <ChartCard
      title={title}
      info={t("formula", { days: data.days, mature })}
      report={report}
      csvName="staying-by-answer-class.csv"
      chart={
        <>
          {p.share !== null ? (
            <div className="mb-3">
              <Alert tone={p.count > 0 ? "info" : "success"}>
                {p.count > 0
                  ? t("headline", { share: f.value("percent", p.share), days: data.days, count: p.count })
                  : t("headlineNone", { days: data.days })}
              </Alert>
            </div>
          ) : null}
          <CategoryChart
            report={report}
            label={title}
            empty={<EmptyState title={t("empty", { days: data.days })} />}
          />
        </>
      }
    />
  );
}

/** The promoters who defected, listed so someone can ask them what happened. */
export function DefectedPromoters({ filters }: { filters: FeedbackDashboardFilters }) {
  const t = useTranslations("feedbackDashboard.defected");
  const tStatus = useTranslations("enums.status");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const f = useFormat();
  const [page, setPage] = useState(0);
  const list = useQuery(
    trpc.feedbackDashboard.defectedPromoters.queryOptions({ ...filters, page, limit: DEFECTED_PAGE_SIZE }),
  );
  const rows = list.data?.items ?? [];
  return (
    <Card title={t("title")}>
      <DataTable
        caption={t("title")}
        variant="report"
        rows={rows}
        rowKey={(r) => r.accountId}
        pending={list.isPending}
        error={list.isError}
        onRetry={() => list.refetch()}
        empty={<EmptyState title={t("empty")} />}
        columns={[
          {
            key: "account",
            header: t("account"),
            rowHeader: true,
            cell: (r) => (
              <Link href={`/accounts/${r.accountId}`} className="text-brand-700 hover:underline">
                {r.accountName}
              </Link>
            ),
          },
          { key: "owner", header: t("owner"), cell: (r) => r.ownerName ?? "—" },
          { key: "score", header: t("score"), align: "right", cell: (r) => `${r.score}/10` },
          { key: "answered", header: t("answered"), cell: (r) => f.date(r.answeredAt) },
          { key: "defected", header: t("defected"), cell: (r) => f.date(r.defectedAt) },
          { key: "status", header: t("status"), cell: (r) => tStatus(r.status as "active") },
          { key: "comment", header: t("comment"), cell: (r) => (r.comment ? `“${r.comment}”` : "—") },
        ]}
      />
      <div className="mt-2 flex gap-2">
        {page > 0 ? (
          <Button size="sm" variant="secondary" onClick={() => setPage(page - 1)}>
            {tCommon("actions.previous")}
          </Button>
        ) : null}
        {list.data?.hasMore ? (
          <Button size="sm" variant="secondary" onClick={() => setPage(page + 1)}>
            {tCommon("actions.next")}
          </Button>
        ) : null}
      </div>
    </Card>
  );
}
