"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { useMoney } from "@/app/_components/report/format";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import {
  ComplaintStatusBadge,
  PromiseClock,
  SeverityBadge,
  useComplaintErrors,
  useNow,
} from "@/app/(crm)/_components/complaints/labels";
import type { ComplaintAction } from "@/server/complaints/complaint-actions.rules";
import { ChecklistCard } from "./checklist-card";
import { useRootCauseLabel } from "./root-cause-label";
import { StepForm } from "./steps/step-forms";
import { TimelineCard } from "./timeline-card";

const SECONDARY: readonly ComplaintAction[] = ["route", "closeWithoutConfirmation", "reopen", "sendBack"];

/** One complaint: facts and promises, the steps open to this person, the checklist and the timeline. */
export function ComplaintView({ id }: { id: number }) {
  const t = useTranslations("complaints");
  const errorText = useComplaintErrors();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const format = useFormatter();
  const money = useMoney();
  const rootCauseLabel = useRootCauseLabel();
  const now = useNow(15_000);
  const complaint = useQuery(trpc.complaints.get.queryOptions({ id }));
  const [dialog, setDialog] = useState<ComplaintAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (complaint.isPending) return <Spinner label={t("queue.loading")} />;
  if (complaint.isError) return <Alert>{errorText.general(complaint.error) ?? t("errors.generic")}</Alert>;
  const c = complaint.data;
  const when = (ms: number | null) =>
    ms === null
      ? t("detail.none")
      : format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });
  const outcome = c.clocks.outcome;

  return (
    <div className="space-y-5">
      <nav className="text-sm">
        <Link href="/complaints" className="text-brand-700 hover:underline">
          ← {t("detail.back")}
        </Link>
      </nav>
      <header className="space-y-2" data-testid="complaint-header">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="font-mono text-2xl font-semibold text-slate-900">{c.reference}</h1>
          <ComplaintStatusBadge status={c.status} />
          <SeverityBadge severity={c.severity} />
        </div>
        <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <Fact label={t("detail.account")}>
            <Link href={`/accounts/${c.accountId}`} className="text-brand-700 hover:underline">
              {c.accountName}
            </Link>
          </Fact>
          <Fact label={t("detail.contact")}>
            {c.contact ? [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(" · ") : "—"}
          </Fact>
          <Fact label={t("detail.channel")}>{t(`channel.${c.channel}`)}</Fact>
          <Fact label={t("detail.category")}>{t(`category.${c.category}`)}</Fact>
          <Fact label={t("detail.department")}>{t(`department.${c.department}`)}</Fact>
          <Fact label={t("detail.handler")}>{c.handlerName ?? t("queue.unassigned")}</Fact>
          <Fact label={t("detail.received")}>{when(c.receivedAt)}</Fact>
        </dl>
        <div className="grid gap-2 sm:grid-cols-2">
          <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            <p className="text-xs text-slate-500">
              {t("detail.acknowledgeBy")} {when(c.ackDueAt)}
            </p>
            <PromiseClock
              now={now}
              serverState={c.clocks.acknowledge}
              times={{ startAt: c.receivedAt, dueAt: c.ackDueAt, doneAt: c.acknowledgedAt }}
            />
          </div>
          <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm">
            <p className="text-xs text-slate-500">
              {t("detail.resolveBy")} {when(c.resolveDueAt)}
            </p>
            <PromiseClock
              now={now}
              serverState={c.clocks.resolve}
              times={{ startAt: c.receivedAt, dueAt: c.resolveDueAt, doneAt: c.resolvedAt ?? c.closedAt }}
            />
          </div>
        </div>
        {outcome && !c.open ? (
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="complaint-outcome">
            <span className="text-slate-500">{t("outcome.label")}:</span>
            <Badge tone={outcome.startsWith("resolved") ? "green" : "red"}>{t(`outcome.${outcome}`)}</Badge>
            <span className="text-slate-600">{t(`outcome.definition.${outcome}`)}</span>
          </p>
        ) : null}
        {c.closedAt ? (
          <p className="text-sm text-slate-600">{t("detail.closedAt", { date: when(c.closedAt) })}</p>
        ) : null}
      </header>

      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <Card title={t("detail.actions")}>
        {c.actions.length === 0 ? (
          <p className="text-sm text-slate-500">
            {c.permissions.canHandle ? t("detail.noActions") : t("detail.readOnly")}
          </p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {c.actions.map((a) => (
              <Button
                key={a}
                variant={SECONDARY.includes(a) ? "secondary" : "primary"}
                onClick={() => {
                  setNotice(null);
                  setDialog(a);
                }}
              >
                {t(`action.${a}`)}
              </Button>
            ))}
          </div>
        )}
      </Card>

      <div className="grid gap-5 lg:grid-cols-3">
        <div className="min-w-0 space-y-5 lg:col-span-2">
          <Card title={t("detail.description")}>
            <p className="whitespace-pre-line break-words text-sm text-slate-800">{c.description}</p>
            {c.customerRequest ? (
              <div className="mt-3">
                <h3 className="text-xs font-medium text-slate-500">{t("detail.customerRequest")}</h3>
                <p className="whitespace-pre-line break-words text-sm text-slate-800">{c.customerRequest}</p>
              </div>
            ) : null}
            {c.createdByName ? (
              <p className="mt-3 text-xs text-slate-500">
                {t("detail.recordedBy", { name: c.createdByName })}
              </p>
            ) : null}
          </Card>
          {c.rootCause || c.remedyType ? (
            <Card title={`${t("detail.findings")} · ${t("detail.remedy")}`}>
              <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
                <Fact label={t("detail.rootCause")}>{rootCauseLabel(c.rootCause)}</Fact>
                <Fact label={t("detail.responsibleParty")}>
                  {c.responsibleParty ? t(`responsibleParty.${c.responsibleParty}`) : "—"}
                </Fact>
                <Fact label={t("detail.remedy")}>{c.remedyType ? t(`remedyType.${c.remedyType}`) : "—"}</Fact>
                <Fact label={t("detail.remedyValue")}>
                  {c.remedyValue === null ? "—" : money(c.remedyValue)}
                </Fact>
              </dl>
              {c.rootCauseText ? (
                <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-700">
                  {c.rootCauseText}
                </p>
              ) : null}
              {c.remedyDescription ? (
                <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-700">
                  {c.remedyDescription}
                </p>
              ) : null}
              {c.needsApproval && !c.approvedAt ? (
                <p className="mt-2 text-sm text-violet-800">{t("detail.needsApproval")}</p>
              ) : null}
              {c.approvedAt && c.approvedByName ? (
                <p className="mt-2 text-sm text-slate-600">
                  {t("detail.approvedBy", { name: c.approvedByName, date: when(c.approvedAt) })}
                </p>
              ) : null}
              {c.confirmationChannel ? (
                <p className="mt-2 text-sm text-slate-600">
                  {t("detail.confirmation")}:{" "}
                  {c.confirmedById === null
                    ? t("detail.confirmedByCustomer")
                    : t("detail.confirmedBy", {
                        name: c.confirmedByName ?? "—",
                        channel: t(`channel.${c.confirmationChannel}`),
                      })}
                  {c.confirmationNote ? ` — ${c.confirmationNote}` : ""}
                </p>
              ) : null}
            </Card>
          ) : null}
          <TimelineCard
            complaintId={c.id}
            entries={c.timeline}
            canAddNote={c.permissions.canAddNote}
            canReply={c.permissions.canReply}
          />
        </div>
        <div className="min-w-0 space-y-5">
          <ChecklistCard
            complaintId={c.id}
            canEdit={c.permissions.canHandle}
            values={{
              apologised: c.apologised,
              listened: c.listened,
              offeredFix: c.offeredFix,
              addedValue: c.addedValue,
              keptPromise: c.keptPromise,
              followedUp: c.followedUp,
            }}
          />
        </div>
      </div>

      {dialog ? (
        <StepForm
          key={dialog}
          action={dialog}
          complaint={c}
          onClose={() => setDialog(null)}
          onDone={async (message) => {
            setDialog(null);
            setNotice(message);
            await Promise.all([
              queryClient.invalidateQueries(trpc.complaints.get.queryFilter({ id })),
              queryClient.invalidateQueries(trpc.complaints.queue.pathFilter()),
              queryClient.invalidateQueries(trpc.complaints.listForAccount.pathFilter()),
            ]);
          }}
        />
      ) : null}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-1.5">
      <dt className="shrink-0 text-slate-500">{label}:</dt>
      <dd className="min-w-0 break-words font-medium text-slate-800">{children}</dd>
    </div>
  );
}
