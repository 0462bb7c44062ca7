"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { useDate, useMoney } from "@/app/_components/report/format";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { DealStatusBadge, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { CloseDealDialog } from "./close-deal-dialog";
import { ReviewSummary } from "./review-summary";

export function DealView({ dealId }: { dealId: number }) {
  const t = useTranslations("deals.detail");
  const name = useNameLabel();
  const tStatus = useTranslations("deals.status");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const money = useMoney();
  const date = useDate();
  const reason = useReasonLabel();
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const page = useQuery(trpc.deals.get.queryOptions({ dealId }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.deals.get.queryFilter({ dealId })),
      queryClient.invalidateQueries(trpc.deals.list.pathFilter()),
    ]);
  const move = useMutation(
    trpc.deals.moveStage.mutationOptions({
      onSuccess: async (deal) => {
        setNotice(t("moved", { stage: name("stage", deal.stage) }));
        await refresh();
      },
    }),
  );

  if (page.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (page.isError) return <Alert>{page.error.message}</Alert>;
  const { deal, moves, stages, review } = page.data;
  const closed = deal.status !== "open";

  return (
    <div className="space-y-5">
      <nav aria-label={t("back")} className="text-sm">
        <Link href="/deals" className="text-brand-700 hover:underline">
          ← {t("back")}
        </Link>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="break-words text-2xl font-semibold text-slate-900">{deal.title}</h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <DealStatusBadge status={deal.status} stage={deal.stage} />
            <span>
              {t("account")}:{" "}
              <Link href={`/accounts/${deal.accountId}`} className="text-brand-700 hover:underline">
                {page.data.accountName}
              </Link>
            </span>
          </div>
          <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <Fact label={t("owner")}>{page.data.ownerName}</Fact>
            <Fact label={t("amount")}>{money(deal.amount)}</Fact>
            {deal.category ? <Fact label={t("category")}>{deal.category}</Fact> : null}
            {closed ? (
              <Fact label={t("closedAt")}>{date(deal.closedAt)}</Fact>
            ) : (
              <Fact label={t("expectedClose")}>{date(deal.expectedCloseAt)}</Fact>
            )}
          </dl>
        </div>
        {page.data.canWrite ? <Button onClick={() => setClosing(true)}>{t("close")}</Button> : null}
      </header>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {move.error ? <Alert>{move.error.message}</Alert> : null}

      {!closed ? (
        <Card title={t("stages")}>
          <ol className="flex flex-wrap gap-2">
            {stages.map((stage) => (
              <li key={stage}>
                {stage === deal.stage ? (
                  <span
                    aria-current="step"
                    className="inline-flex h-8 items-center rounded-md bg-brand-600 px-3 text-sm font-medium text-white"
                  >
                    {name("stage", stage)}
                  </span>
                ) : page.data.canWrite ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    disabled={move.isPending}
                    onClick={() => move.mutate({ dealId, stage })}
                  >
                    {t("moveTo", { stage: name("stage", stage) })}
                  </Button>
                ) : (
                  <span className="inline-flex h-8 items-center rounded-md border border-slate-200 px-3 text-sm text-slate-500">
                    {name("stage", stage)}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </Card>
      ) : (
        <div className="grid gap-5 lg:grid-cols-2">
          <Card title={t("closing")}>
            <dl className="space-y-2 text-sm">
              <Row label={t("ownerSaid")}>{reason(deal.ownerReason)}</Row>
              {deal.ownerSecondaryReasons.length ? (
                <Row label={t("ownerSecondary")}>{deal.ownerSecondaryReasons.map(reason).join(", ")}</Row>
              ) : null}
              {deal.competitorName ? <Row label={t("competitor")}>{deal.competitorName}</Row> : null}
              {deal.closeNote ? <Row label={t("note")}>{deal.closeNote}</Row> : null}
              {deal.orderId ? <Row label={t("order")}>#{deal.orderId}</Row> : null}
            </dl>
          </Card>
          <Card
            title={t("review")}
            actions={
              page.data.canReview ? (
                <ButtonLink size="sm" href={`/deals/${deal.id}/review`}>
                  {t("reviewStart")}
                </ButtonLink>
              ) : null
            }
          >
            {review ? (
              <ReviewSummary review={review} ownerReason={deal.ownerReason} outcome={deal.status} />
            ) : (
              <p className="text-sm text-slate-600">
                {t("reviewNone", { outcome: tStatus(deal.status).toLowerCase() })}
              </p>
            )}
          </Card>
        </div>
      )}

      <Card title={t("history")}>
        <ol className="divide-y divide-slate-100">
          {moves.map((m) => (
            <li key={m.id} className="flex flex-wrap justify-between gap-2 py-2 text-sm">
              <span>
                {m.fromStage ? `${labelOf(m.fromStage, tStatus, name)} → ` : ""}
                <strong>{labelOf(m.toStage, tStatus, name)}</strong>
              </span>
              <span className="text-slate-500">
                {date(m.at)}
                {m.byName ? ` · ${m.byName}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </Card>

      {closing ? (
        <CloseDealDialog
          deal={deal}
          reasons={page.data.reasons}
          onClose={() => setClosing(false)}
          onDone={async (message) => {
            setClosing(false);
            setNotice(message);
            await refresh();
          }}
        />
      ) : null}
    </div>
  );
}

const OUTCOMES = ["won", "lost", "no_decision"] as const;
function labelOf(
  stage: string,
  tStatus: (k: (typeof OUTCOMES)[number]) => string,
  name: ReturnType<typeof useNameLabel>,
) {
  return (OUTCOMES as readonly string[]).includes(stage)
    ? tStatus(stage as (typeof OUTCOMES)[number])
    : name("stage", stage);
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-1.5">
      <dt className="text-slate-500">{label}:</dt>
      <dd className="font-medium text-slate-800">{children}</dd>
    </div>
  );
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 whitespace-pre-wrap break-words text-slate-800">{children}</dd>
    </div>
  );
}
