"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";
import { useTRPC } from "@/app/_trpc/client";
import { dateInputToMs, msToDateInput, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { CLOSED_STATUSES, type ClosedStatus } from "@/db/schema";
import { toMinorUnits } from "@/server/orders/orders.schemas";
import { ReasonCheckboxes } from "./reason-checkboxes";

const MONEY = /^-?\d{1,10}(\.\d{1,2})?$/;

/** Close a deal: outcome, date, the owner's reasons, competitor, note, and an order when won (native modal dialog). */
export function CloseDealDialog({
  deal,
  reasons,
  onClose,
  onDone,
}: {
  deal: { id: number; title: string };
  reasons: string[];
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useTranslations("deals.detail");
  const tStatus = useTranslations("deals.status");
  const tCard = useTranslations("deals.card");
  const label = useReasonLabel();
  const trpc = useTRPC();
  const ref = useModalDialog();
  const [outcome, setOutcome] = useState<ClosedStatus>("won");
  const [closedAt, setClosedAt] = useState(msToDateInput(Date.now()));
  const [ownerReason, setOwnerReason] = useState("");
  const [secondary, setSecondary] = useState<string[]>([]);
  // A list entry's id, "other" (a name typed below), or "" for none named.
  const [competitor, setCompetitor] = useState("");
  const [otherName, setOtherName] = useState("");
  const competitors = useQuery(trpc.competitors.list.queryOptions());
  const [note, setNote] = useState("");
  const [withOrder, setWithOrder] = useState(false);
  const [margin, setMargin] = useState("");
  const [marginError, setMarginError] = useState<string | undefined>();
  const close = useMutation(trpc.deals.close.mutationOptions());
  const errors: Record<string, string[] | undefined> = close.error?.data?.fieldErrors ?? {};
  const err = (name: string) => errors[name]?.[0];
  const general = close.error && Object.keys(errors).length === 0 ? close.error.message : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const order = outcome === "won" && withOrder;
    if (order && !MONEY.test(margin.trim())) {
      setMarginError(tCard("amountInvalid"));
      return;
    }
    setMarginError(undefined);
    close.mutate(
      {
        dealId: deal.id,
        outcome,
        closedAt: dateInputToMs(closedAt),
        ownerReason,
        secondaryReasons: secondary.filter((r) => r !== ownerReason),
        competitorId: competitor && competitor !== "other" ? Number(competitor) : null,
        competitorOther: competitor === "other" ? otherName : null,
        note: note || null,
        createOrder: order ? { margin: toMinorUnits(margin.trim()) } : null,
      },
      { onSuccess: () => onDone(t("closed", { outcome: tStatus(outcome) })) },
    );
  };

  return (
    <dialog
      ref={ref}
      aria-label={t("closeTitle", { title: deal.title })}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} noValidate className="space-y-3 p-5">
        <h2 className="text-base font-semibold text-slate-900">{t("closeTitle", { title: deal.title })}</h2>
        {general ? <Alert>{general}</Alert> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t("outcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as ClosedStatus)}
            options={CLOSED_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
            error={err("outcome")}
          />
          <TextField
            label={t("closeDate")}
            type="date"
            required
            value={closedAt}
            onChange={(e) => setClosedAt(e.target.value)}
            error={err("closedAt")}
          />
        </div>
        <SelectField
          label={t("ownerReason")}
          required
          value={ownerReason}
          onChange={(e) => setOwnerReason(e.target.value)}
          options={[{ value: "", label: "—" }, ...reasons.map((r) => ({ value: r, label: label(r) }))]}
          error={err("ownerReason")}
        />
        <ReasonCheckboxes
          legend={t("secondary")}
          reasons={reasons}
          exclude={ownerReason}
          value={secondary}
          onChange={setSecondary}
          error={err("secondaryReasons")}
        />
        {outcome !== "won" ? (
          <SelectField
            label={t("competitor")}
            value={competitor}
            onChange={(e) => setCompetitor(e.target.value)}
            options={[
              { value: "", label: t("noCompetitor") },
              ...(competitors.data?.list ?? []).map((c) => ({ value: String(c.id), label: c.name })),
              { value: "other", label: t("otherCompetitor") },
            ]}
            error={err("competitorId")}
          />
        ) : null}
        {outcome !== "won" && competitor === "other" ? (
          <TextField
            label={t("otherCompetitorName")}
            hint={t("otherCompetitorHint")}
            value={otherName}
            onChange={(e) => setOtherName(e.target.value)}
            error={err("competitorOther")}
          />
        ) : null}
        <TextAreaField
          label={t("note")}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={err("note")}
        />
        {outcome === "won" ? (
          <div className="space-y-2">
            <label className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={withOrder} onChange={(e) => setWithOrder(e.target.checked)} />
              {t("createOrder")}
            </label>
            {withOrder ? (
              <TextField
                label={t("margin")}
                inputMode="decimal"
                required
                value={margin}
                onChange={(e) => setMargin(e.target.value)}
                error={marginError ?? err("createOrder.margin") ?? err("createOrder")}
              />
            ) : null}
          </div>
        ) : null}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            {tCard("cancel")}
          </Button>
          <Button type="submit" disabled={close.isPending}>
            {t("saveClose")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
