"use client";

// One workflow step's form in a native modal dialog (focus kept inside, Esc closes), asking only for what
// that step records (complaints.schemas.ts transitionInput). Refusals come back as the server's sentences.

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { CURRENCY, useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  CONFIRMATION_CHANNELS,
  type ComplaintCategory,
  DEPARTMENTS,
  type Department,
  REMEDY_TYPES,
  RESPONSIBLE_PARTIES,
} from "@/db/schema";
import type { ComplaintAction } from "@/server/complaints/complaint-actions.rules";
import type { TransitionRequest } from "@/server/complaints/complaints.schemas";
import { needsApproval } from "@/server/complaints/workflow.rules";
import { toMinorUnits } from "@/server/orders/orders.schemas";

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

type Current = {
  id: number;
  department: string;
  handlerId: string | null;
  rootCause: string | null;
  rootCauseText: string | null;
  responsibleParty: string | null;
  remedyType: string | null;
  remedyValue: number | null;
  remedyDescription: string | null;
};

export function useRootCauseLabel() {
  const t = useTranslations("complaints.rootCause");
  return (key: string | null) => {
    if (!key) return "—";
    const known = key as Parameters<typeof t>[0];
    return t.has(known) ? t(known) : key.replaceAll("_", " ");
  };
}

export function ActionDialog({
  action,
  complaint,
  onClose,
  onDone,
}: {
  action: ComplaintAction;
  complaint: Current;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("complaints.dialog");
  const tAction = useTranslations("complaints.action");
  const tCat = useTranslations("complaints.category");
  const tSev = useTranslations("complaints.severity");
  const tDept = useTranslations("complaints.department");
  const tParty = useTranslations("complaints.responsibleParty");
  const tRemedy = useTranslations("complaints.remedyType");
  const tChannel = useTranslations("complaints.channel");
  const rootCauseLabel = useRootCauseLabel();
  const errorText = useComplaintErrors();
  const money = useMoney();
  const trpc = useTRPC();
  const options = useQuery(trpc.complaints.options.queryOptions({}));
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const [f, setF] = useState<Record<string, string>>(() => ({
    handlerId: complaint.handlerId ?? "",
    rootCause: complaint.rootCause ?? "",
    rootCauseText: complaint.rootCauseText ?? "",
    responsibleParty: complaint.responsibleParty ?? "",
    remedyType: complaint.remedyType ?? "",
    remedyValue: complaint.remedyValue === null ? "" : (complaint.remedyValue / 100).toFixed(2),
    remedyDescription: complaint.remedyDescription ?? "",
    confirmationChannel: "phone",
  }));
  const field = (name: string) => f[name] ?? "";
  const set = (name: string) => (e: { target: { value: string } }) =>
    setF((prev) => ({ ...prev, [name]: e.target.value }));
  const [valueError, setValueError] = useState<string | undefined>();

  const transition = useMutation(trpc.complaints.transition.mutationOptions());
  const errors: Record<string, string[] | undefined> = transition.error?.data?.fieldErrors ?? {};
  const err = (name: string) => errorText.field(errors[name]?.[0]);
  const shown = Object.keys(f).concat(["message", "note", "reason", "category", "severity", "department"]);
  const general = errorText.general(transition.error, shown);

  const opt = (v: string) => v || null;
  const build = (): TransitionRequest | null => {
    const id = complaint.id;
    switch (action) {
      case "acknowledge":
      case "requestConfirmation":
        return { action, id, message: opt(field("message")) };
      case "route":
        return {
          action,
          id,
          category: opt(field("category")) as ComplaintCategory | null,
          severity: opt(field("severity")) as (typeof COMPLAINT_SEVERITIES)[number] | null,
          department: opt(field("department")) as Department | null,
          handlerId: opt(field("handlerId")),
          note: opt(field("note")),
        };
      case "startInvestigation":
      case "close":
        return { action, id };
      case "recordFindings":
        return {
          action,
          id,
          rootCause: field("rootCause"),
          rootCauseText: opt(field("rootCauseText")),
          responsibleParty: field("responsibleParty") as "unknown",
        };
      case "proposeRemedy": {
        if (!MONEY.test(field("remedyValue").trim())) {
          setValueError(errorText.field("amount"));
          return null;
        }
        return {
          action,
          id,
          remedyType: field("remedyType") as "discount",
          remedyValue: toMinorUnits(field("remedyValue").trim()),
          remedyDescription: opt(field("remedyDescription")),
        };
      }
      case "approve":
      case "carryOut":
        return { action, id, note: opt(field("note")) };
      case "recordConfirmation":
        return {
          action,
          id,
          confirmationChannel: field("confirmationChannel") as "phone",
          confirmationNote: opt(field("confirmationNote")),
        };
      case "sendBack":
      case "closeWithoutConfirmation":
      case "reopen":
        return { action, id, reason: field("reason") };
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setValueError(undefined);
    const input = build();
    if (!input) return;
    transition.mutate(input, { onSuccess: () => onDone(t("done", { action: tAction(action) })) });
  };

  const limit = options.data?.approvalLimit ?? null;
  const value = MONEY.test(field("remedyValue").trim()) ? toMinorUnits(field("remedyValue").trim()) : null;
  const keep = { value: "", label: t("keep") };
  const title = tAction(action);

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
        {action === "acknowledge" || action === "requestConfirmation" ? (
          <TextAreaField
            label={t("message")}
            hint={t("messageHint")}
            value={field("message")}
            onChange={set("message")}
            error={err("message")}
          />
        ) : null}
        {action === "route" ? (
          <>
            <SelectField
              label={t("department")}
              value={field("department")}
              onChange={set("department")}
              error={err("department")}
              options={[keep, ...DEPARTMENTS.map((d) => ({ value: d, label: tDept(d) }))]}
            />
            <SelectField
              label={t("handler")}
              value={field("handlerId")}
              onChange={set("handlerId")}
              error={err("handlerId")}
              options={[keep, ...(options.data?.handlers ?? []).map((h) => ({ value: h.id, label: h.name }))]}
            />
            <SelectField
              label={t("category")}
              value={field("category")}
              onChange={set("category")}
              error={err("category")}
              options={[keep, ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: tCat(c) }))]}
            />
            <SelectField
              label={t("severity")}
              hint={t("severityHint")}
              value={field("severity")}
              onChange={set("severity")}
              error={err("severity")}
              options={[keep, ...COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))]}
            />
          </>
        ) : null}
        {action === "recordFindings" ? (
          <>
            <SelectField
              label={t("rootCause")}
              required
              value={field("rootCause")}
              onChange={set("rootCause")}
              error={err("rootCause")}
              options={[
                { value: "", label: "—" },
                ...(options.data?.rootCauses ?? []).map((r) => ({ value: r, label: rootCauseLabel(r) })),
              ]}
            />
            <TextAreaField
              label={t("rootCauseText")}
              value={field("rootCauseText")}
              onChange={set("rootCauseText")}
              error={err("rootCauseText")}
            />
            <SelectField
              label={t("responsibleParty")}
              required
              value={field("responsibleParty")}
              onChange={set("responsibleParty")}
              error={err("responsibleParty")}
              options={[
                { value: "", label: "—" },
                ...RESPONSIBLE_PARTIES.map((p) => ({ value: p, label: tParty(p) })),
              ]}
            />
          </>
        ) : null}
        {action === "proposeRemedy" ? (
          <>
            <SelectField
              label={t("remedyType")}
              required
              value={field("remedyType")}
              onChange={set("remedyType")}
              error={err("remedyType")}
              options={[
                { value: "", label: "—" },
                ...REMEDY_TYPES.map((r) => ({ value: r, label: tRemedy(r) })),
              ]}
            />
            <TextField
              label={t("remedyValue")}
              hint={t("remedyValueHint", { currency: CURRENCY })}
              inputMode="decimal"
              required
              value={field("remedyValue")}
              onChange={set("remedyValue")}
              error={valueError ?? err("remedyValue")}
            />
            {limit !== null && value !== null ? (
              <Alert tone="info">
                {needsApproval(value, limit)
                  ? t("overLimit", { limit: money(limit) })
                  : t("withinLimit", { limit: money(limit) })}
              </Alert>
            ) : null}
            <TextAreaField
              label={t("remedyDescription")}
              value={field("remedyDescription")}
              onChange={set("remedyDescription")}
              error={err("remedyDescription")}
            />
          </>
        ) : null}
        {action === "recordConfirmation" ? (
          <>
            <SelectField
              label={t("confirmationChannel")}
              required
              value={field("confirmationChannel")}
              onChange={set("confirmationChannel")}
              error={err("confirmationChannel")}
              options={CONFIRMATION_CHANNELS.map((c) => ({ value: c, label: tChannel(c) }))}
            />
            <TextAreaField
              label={t("confirmationNote")}
              value={field("confirmationNote")}
              onChange={set("confirmationNote")}
              error={err("confirmationNote")}
            />
          </>
        ) : null}
        {action === "startInvestigation" || action === "close" || action === "carryOut" ? (
          <p className="text-sm text-slate-700">{t(action)}</p>
        ) : null}
        {action === "approve" || action === "carryOut" || action === "route" ? (
          <TextAreaField
            label={t("noteOptional")}
            value={field("note")}
            onChange={set("note")}
            error={err("note")}
          />
        ) : null}
        {action === "sendBack" || action === "closeWithoutConfirmation" || action === "reopen" ? (
          <TextAreaField
            label={
              action === "sendBack"
                ? t("reasonSendBack")
                : action === "reopen"
                  ? t("reasonReopen")
                  : t("reasonClose")
            }
            required
            value={field("reason")}
            onChange={set("reason")}
            error={err("reason")}
          />
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            {t("cancel")}
          </Button>
          <Button
            type="submit"
            variant={action === "closeWithoutConfirmation" ? "danger" : "primary"}
            disabled={transition.isPending}
          >
            {title}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
