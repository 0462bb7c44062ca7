"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useDate } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { useTRPC } from "@/app/_trpc/client";
import type { AccountStatus, Rung } from "@/db/schema";
import { RUNGS, rungIndex } from "@/lib/ladder";
import type { LadderHistoryItem } from "@/server/ladder/ladder.queries";
import { timeOnRungs } from "@/server/ladder/ladder.rules";
import { EvidenceDetails } from "../listening/evidence-details";
import { LadderDialog, type LadderDialogMode } from "./ladder-dialog";

const DAY = 86_400_000;

/**
 * The account on the customer ladder: every rung as a step, the current one marked, time spent on each from
 * the history, and the moves this user may make (the server decides; read-only roles see none).
 */
export function LadderPath({
  accountId,
  rung,
  status,
  statusSince,
  history,
}: {
  accountId: number;
  rung: Rung;
  status: AccountStatus;
  statusSince: number;
  history: LadderHistoryItem[];
}) {
  const t = useTranslations("accounts.ladderPath");
  const tRung = useTranslations("enums.rung");
  const tStatus = useTranslations("enums.status");
  const tKind = useTranslations("accounts.ladderPath.kind");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const date = useDate();
  const allowed = useQuery(trpc.ladder.allowedMoves.queryOptions({ accountId }));
  const evidence = useQuery(trpc.ladder.evidenceForAccount.queryOptions({ accountId }));
  const [dialog, setDialog] = useState<LadderDialogMode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = async (message: string) => {
    setDialog(null);
    setNotice(message);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.accounts.get.queryKey({ id: accountId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.ladder.pathKey() }),
    ]);
  };
  const dismiss = useMutation(trpc.ladder.dismissEvidence.mutationOptions());

  const now = Date.now();
  const durations = timeOnRungs(history, now);
  const currentIndex = rungIndex(rung);
  const proposals = (evidence.data ?? []).filter((e) => e.status === "proposed");
  const can = allowed.data;

  return (
    <Card title={t("title")}>
      {notice ? (
        <div className="mb-3">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <ol aria-label={t("steps")} className="grid grid-cols-4 gap-2 sm:grid-cols-8">
        {RUNGS.map((step, i) => {
          const isCurrent = step === rung;
          const reached = currentIndex >= 0 && i <= currentIndex;
          const ms = durations[step];
          return (
            <li
              key={step}
              aria-current={isCurrent ? "step" : undefined}
              className={cn(
                "rounded-md border px-2 py-2 text-center text-xs",
                isCurrent
                  ? "border-brand-600 bg-brand-600 text-white"
                  : reached
                    ? "border-brand-100 bg-brand-50 text-brand-700"
                    : "border-slate-200 bg-white text-slate-500",
              )}
            >
              <span className="block font-medium">{tRung(step)}</span>
              <span className={cn("block", isCurrent ? "text-brand-50" : "text-slate-600")}>
                {ms !== undefined
                  ? t("timeOn", { days: Math.floor(ms / DAY) })
                  : reached
                    ? "—"
                    : t("notReached")}
              </span>
            </li>
          );
        })}
      </ol>
      {currentIndex < 0 ? (
        <p className="mt-2 text-sm font-medium text-red-700">{t("off", { rung: tRung(rung) })}</p>
      ) : null}
      {status !== "active" ? (
        <p className="mt-2 text-sm text-amber-800">
          {t("statusNote", { status: tStatus(status), date: date(statusSince) })}
        </p>
      ) : null}

      {proposals.length > 0 ? (
        <section aria-label={t("proposals")} className="mt-4">
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("proposals")}</h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {proposals.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span>
                  {t("proposalFor", {
                    kind: tKind(p.kind),
                    rung: tRung(p.targetRung),
                    name: p.recordedByName ?? t("theProduct"),
                    date: date(p.recordedAt),
                  })}
                  <EvidenceDetails kind={p.kind} details={p.details} observedAt={p.observedAt} />
                </span>
                {can?.canEdit ? (
                  <span className="flex gap-2">
                    {p.confirmBlocked ? null : (
                      <Button
                        size="sm"
                        onClick={() => setDialog({ kind: "confirm", evidenceId: p.id, rung: p.targetRung })}
                      >
                        {t("confirm")}
                      </Button>
                    )}
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={dismiss.isPending}
                      aria-label={`${p.mine ? t("withdraw") : t("dismiss")}: ${tKind(p.kind)}`}
                      onClick={() =>
                        dismiss.mutate(
                          { evidenceId: p.id, reason: "" },
                          { onSuccess: () => refresh(p.mine ? t("withdrawn") : t("dismissed")) },
                        )
                      }
                    >
                      {p.mine ? t("withdraw") : t("dismiss")}
                    </Button>
                  </span>
                ) : null}
                {p.confirmBlocked ? (
                  <p className="w-full text-xs text-amber-800">{t(`cannotConfirm.${p.confirmBlocked}`)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {can?.canEdit ? (
        <div className="mt-4 flex flex-wrap gap-2">
          {can.targets.length > 0 ? (
            <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: "move" })}>
              {t("move")}
            </Button>
          ) : null}
          {can.evidenceKinds.length > 0 ? (
            <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: "evidence" })}>
              {t("recordEvidence")}
            </Button>
          ) : null}
          {can.canMarkLost ? (
            <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: "lost" })}>
              {t("markLost")}
            </Button>
          ) : null}
        </div>
      ) : can ? (
        <p className="mt-3 text-xs text-slate-500">{t("readOnly")}</p>
      ) : null}
      {can?.evidenceClosed ? (
        <p className="mt-2 text-xs text-slate-500">{t(`evidenceClosed.${can.evidenceClosed}`)}</p>
      ) : null}

      {dialog && can ? (
        <LadderDialog
          accountId={accountId}
          rung={rung}
          mode={dialog}
          targets={can.targets}
          evidenceKinds={can.evidenceKinds}
          onClose={() => setDialog(null)}
          onDone={refresh}
        />
      ) : null}
    </Card>
  );
}
