"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";
import { useTRPC } from "@/app/_trpc/client";
import { LOST_REASONS, type Rung } from "@/db/schema";
import { isUpperRung, rungIndex } from "@/lib/ladder";
import { DISQUALIFY_REASONS, EVIDENCE_FOR } from "@/server/ladder/moves.rules";
import type { EvidenceInput } from "@/server/ladder/moves.schemas";

export type LadderDialogMode =
  | { kind: "move" }
  | { kind: "evidence" }
  | { kind: "lost" }
  | { kind: "confirm"; evidenceId: number; rung: Rung };

const EVIDENCE_KINDS: EvidenceInput["kind"][] = [
  "share_of_wallet",
  "judgement",
  "enrolment",
  "referral",
  "promoter_score",
  "agreement",
  "joint_plan",
];

const dateToMs = (value: string) => (value ? Date.parse(`${value}T00:00:00Z`) : Number.NaN);

/** The evidence fields as typed; which of them count depends on the kind of evidence. */
const NO_EVIDENCE = {
  percent: "",
  category: "",
  note: "",
  programme: "",
  referred: "",
  score: "",
  title: "",
  date: "",
};
type Values = typeof NO_EVIDENCE & {
  to: Rung | "";
  reason: string;
  disqualifyReason: string;
  kind: EvidenceInput["kind"];
  lostReason: string;
};

/** The move, evidence, lost and confirm forms, in a native modal dialog (focus kept inside, Esc closes). */
export function LadderDialog({
  accountId,
  rung,
  mode,
  targets,
  evidenceKinds = EVIDENCE_KINDS,
  onClose,
  onDone,
}: {
  accountId: number;
  rung: Rung;
  mode: LadderDialogMode;
  targets: Rung[];
  /** The kinds the server would accept for this account now (allowedMoves.evidenceKinds). */
  evidenceKinds?: readonly EvidenceInput["kind"][];
  onClose: () => void;
  /** After saving; a move also says the rung it moved the account to. */
  onDone: (message: string, movedTo?: Rung) => void;
}) {
  const t = useTranslations("accounts.ladderPath");
  const tRung = useTranslations("enums.rung");
  const tLost = useTranslations("enums.lostReason");
  const trpc = useTRPC();
  const ref = useModalDialog();

  // Every allowed target; climbing to client and above asks for the evidence in the same form. The fields are
  // checked by the server (the evidence is a union by kind, built at submit), whose messages show beside them.
  const form = useForm<Values>({
    defaultValues: {
      to: targets[0] ?? "",
      reason: "",
      disqualifyReason: DISQUALIFY_REASONS[0],
      kind:
        mode.kind === "move" && targets[0] && isUpperRung(targets[0])
          ? (EVIDENCE_FOR[targets[0]][0] as EvidenceInput["kind"])
          : (evidenceKinds[0] ?? "enrolment"),
      lostReason: LOST_REASONS[0],
      ...NO_EVIDENCE,
    },
  });
  const [to, kind] = form.watch(["to", "kind"]);
  const needsEvidence =
    mode.kind === "move" && to !== "" && isUpperRung(to) && rungIndex(to) > rungIndex(rung);
  const kindsForTarget: EvidenceInput["kind"][] =
    needsEvidence && isUpperRung(to) ? [...EVIDENCE_FOR[to]] : [...evidenceKinds];
  const clearEvidence = () => {
    for (const [name, value] of Object.entries(NO_EVIDENCE))
      form.setValue(name as keyof typeof NO_EVIDENCE, value);
  };

  const move = useMutation(trpc.ladder.move.mutationOptions());
  const record = useMutation(trpc.ladder.recordEvidence.mutationOptions());
  const lost = useMutation(trpc.ladder.markLost.mutationOptions());
  const confirm = useMutation(trpc.ladder.confirmEvidence.mutationOptions());
  const active = { move, evidence: record, lost, confirm }[mode.kind];
  const errors: Record<string, string[] | undefined> = active.error?.data?.fieldErrors ?? {};
  const err = (name: string) => errors[name]?.[0];
  const general = active.error && Object.keys(errors).length === 0 ? active.error.message : null;

  const evidence = (v: Values): EvidenceInput => {
    switch (v.kind) {
      case "share_of_wallet":
        return { kind: v.kind, percent: Number(v.percent), category: v.category || undefined };
      case "judgement":
        return { kind: v.kind, note: v.note };
      case "enrolment":
        return { kind: v.kind, programme: v.programme, enrolledAt: dateToMs(v.date) };
      case "referral":
        return { kind: v.kind, referred: v.referred };
      case "promoter_score":
        return { kind: v.kind, score: Number(v.score) };
      case "agreement":
        return { kind: v.kind, title: v.title, signedAt: dateToMs(v.date) };
      case "joint_plan":
        return { kind: v.kind, title: v.title, agreedAt: dateToMs(v.date) };
    }
  };

  const submit = form.handleSubmit((v) => {
    const target = v.to;
    if (mode.kind === "move" && target) {
      move.mutate(
        {
          accountId,
          toRung: target,
          reason: v.reason,
          disqualifyReason: target === "disqualified" ? (v.disqualifyReason as "no_credit") : undefined,
          evidence: needsEvidence ? evidence(v) : undefined,
        },
        { onSuccess: () => onDone(t("moved", { rung: tRung(target) }), target) },
      );
    } else if (mode.kind === "evidence") {
      record.mutate(
        { accountId, evidence: evidence(v) },
        { onSuccess: (row) => onDone(t("evidenceRecorded", { rung: tRung(row.targetRung) })) },
      );
    } else if (mode.kind === "lost") {
      lost.mutate(
        { accountId, lostReason: v.lostReason as "other", note: v.reason || undefined },
        { onSuccess: () => onDone(t("lostSaved")) },
      );
    } else if (mode.kind === "confirm") {
      confirm.mutate(
        { evidenceId: mode.evidenceId, reason: v.reason },
        { onSuccess: () => onDone(t("confirmed", { rung: tRung(mode.rung) })) },
      );
    }
  });

  const title = {
    move: t("dialogMove"),
    evidence: t("dialogEvidence"),
    lost: t("dialogLost"),
    confirm: mode.kind === "confirm" ? t("dialogConfirm", { rung: tRung(mode.rung) }) : "",
  }[mode.kind];
  const dateLabel =
    kind === "enrolment" ? t("enrolledAt") : kind === "agreement" ? t("signedAt") : t("agreedAt");
  const evidenceError = err("evidence");

  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} noValidate className="space-y-3 p-5">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {general ? <Alert>{general}</Alert> : null}
        {mode.kind === "move" ? (
          <>
            <SelectField
              label={t("to")}
              {...form.register("to", {
                onChange: (e: { target: { value: string } }) => {
                  const next = e.target.value as Rung;
                  if (isUpperRung(next)) {
                    form.setValue("kind", EVIDENCE_FOR[next][0] as EvidenceInput["kind"]);
                    clearEvidence();
                  }
                },
              })}
              options={targets.map((r) => ({ value: r, label: tRung(r) }))}
              error={err("to")}
            />
            {to === "disqualified" ? (
              <SelectField
                label={t("disqualifyReason")}
                {...form.register("disqualifyReason")}
                options={DISQUALIFY_REASONS.map((r) => ({ value: r, label: t(`disqualify.${r}`) }))}
                error={err("disqualifyReason")}
              />
            ) : null}
          </>
        ) : null}
        {mode.kind === "evidence" || (mode.kind === "move" && needsEvidence) ? (
          <>
            <SelectField
              label={t("evidenceKind")}
              {...form.register("kind", { onChange: clearEvidence })}
              options={kindsForTarget.map((k) => ({
                value: k,
                label: t(`kind.${k}`),
              }))}
            />
            {kind === "share_of_wallet" ? (
              <>
                <TextField
                  label={t("percent")}
                  type="number"
                  min={0}
                  max={100}
                  {...form.register("percent")}
                />
                <TextField label={t("category")} {...form.register("category")} />
              </>
            ) : null}
            {kind === "judgement" ? <TextAreaField label={t("note")} {...form.register("note")} /> : null}
            {kind === "enrolment" ? (
              <TextField label={t("programme")} {...form.register("programme")} />
            ) : null}
            {kind === "referral" ? <TextField label={t("referred")} {...form.register("referred")} /> : null}
            {kind === "promoter_score" ? (
              <TextField label={t("score")} type="number" min={0} max={10} {...form.register("score")} />
            ) : null}
            {kind === "agreement" || kind === "joint_plan" ? (
              <TextField label={t("agreementTitle")} {...form.register("title")} />
            ) : null}
            {kind === "enrolment" || kind === "agreement" || kind === "joint_plan" ? (
              <TextField label={dateLabel} type="date" {...form.register("date")} />
            ) : null}
            {evidenceError ? (
              <p role="alert" className="text-sm text-red-700">
                {evidenceError}
              </p>
            ) : null}
          </>
        ) : null}
        {mode.kind === "lost" ? (
          <SelectField
            label={t("lostReason")}
            {...form.register("lostReason")}
            options={LOST_REASONS.map((r) => ({ value: r, label: tLost(r) }))}
            error={err("lostReason")}
          />
        ) : null}
        {mode.kind !== "evidence" ? (
          <TextAreaField
            label={mode.kind === "lost" ? t("lostNote") : t("reason")}
            hint={mode.kind === "lost" ? undefined : t("reasonHint")}
            required={mode.kind !== "lost"}
            {...form.register("reason")}
            error={
              err("reason") ??
              (mode.kind === "confirm" ? (err("evidenceId") ?? err("evidence") ?? err("to")) : undefined)
            }
          />
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={active.isPending}>
            {mode.kind === "confirm" ? t("confirm") : t("save")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
