"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { messageAt } from "@/app/_components/ui/form-errors";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";
import { useTRPC } from "@/app/_trpc/client";
import { dateInputToMs, msToDateInput, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { isMoneyText } from "@/app/(crm)/_components/deals/money-text";
import { CLOSED_STATUSES } from "@/db/schema";
import { closeDealInput } from "@/server/deals/deals.schemas";
import { toMinorUnits } from "@/server/orders/orders.schemas";
import { ReasonCheckboxes } from "./reason-checkboxes";

/**
 * What the dialog asks, as typed (a date, a competitor chosen or "other", the margin as text), turned into the
 * procedure's input and checked by its own schema. `amountInvalid` is the margin's message in the reader's words.
 */
function closeForm(dealId: number, amountInvalid: string) {
  return z
    .object({
      outcome: z.enum(CLOSED_STATUSES),
      closedAt: z.string(),
      ownerReason: z.string(),
      secondaryReasons: z.array(z.string()),
      // A list entry's id, "other" (a name typed below), or "" for none named.
      competitor: z.string(),
      competitorOther: z.string(),
      note: z.string(),
      withOrder: z.boolean(),
      margin: z.string(),
    })
    .refine((v) => !(v.outcome === "won" && v.withOrder) || isMoneyText(v.margin, { negative: true }), {
      path: ["margin"],
      error: amountInvalid,
    })
    .transform((v): z.input<typeof closeDealInput> => {
      const order = v.outcome === "won" && v.withOrder;
      const named = v.outcome !== "won";
      return {
        dealId,
        outcome: v.outcome,
        closedAt: dateInputToMs(v.closedAt),
        ownerReason: v.ownerReason,
        secondaryReasons: v.secondaryReasons.filter((r) => r !== v.ownerReason),
        competitorId: named && v.competitor && v.competitor !== "other" ? Number(v.competitor) : null,
        competitorOther: named && v.competitor === "other" ? v.competitorOther : null,
        note: v.note || null,
        createOrder: order ? { margin: toMinorUnits(v.margin.trim()) } : null,
      };
    })
    .pipe(closeDealInput);
}

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
  const schema = closeForm(deal.id, tCard("amountInvalid"));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      outcome: "won",
      closedAt: msToDateInput(Date.now()),
      ownerReason: "",
      secondaryReasons: [],
      competitor: "",
      competitorOther: "",
      note: "",
      withOrder: false,
      margin: "",
    },
  });
  const competitors = useQuery(trpc.competitors.list.queryOptions());
  const close = useMutation(trpc.deals.close.mutationOptions());
  const errors: Record<string, string[] | undefined> = close.error?.data?.fieldErrors ?? {};
  // The browser's check first (the same schema), then the server's refusal.
  const err = (name: string) => messageAt(form.formState.errors, name) ?? errors[name]?.[0];
  const general = close.error && Object.keys(errors).length === 0 ? close.error.message : null;
  const [outcome, ownerReason, secondary, competitor, withOrder] = form.watch([
    "outcome",
    "ownerReason",
    "secondaryReasons",
    "competitor",
    "withOrder",
  ]);

  const submit = form.handleSubmit((input) =>
    close.mutate(input, { onSuccess: () => onDone(t("closed", { outcome: tStatus(input.outcome) })) }),
  );

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
            options={CLOSED_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))}
            error={err("outcome")}
            {...form.register("outcome")}
          />
          <TextField
            label={t("closeDate")}
            type="date"
            required
            error={err("closedAt")}
            {...form.register("closedAt")}
          />
        </div>
        <SelectField
          label={t("ownerReason")}
          required
          options={[{ value: "", label: "—" }, ...reasons.map((r) => ({ value: r, label: label(r) }))]}
          error={err("ownerReason")}
          {...form.register("ownerReason")}
        />
        <ReasonCheckboxes
          legend={t("secondary")}
          reasons={reasons}
          exclude={ownerReason}
          value={secondary}
          onChange={(next) => form.setValue("secondaryReasons", next)}
          error={err("secondaryReasons")}
        />
        {outcome !== "won" ? (
          <SelectField
            label={t("competitor")}
            {...form.register("competitor")}
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
            error={err("competitorOther")}
            {...form.register("competitorOther")}
          />
        ) : null}
        <TextAreaField label={t("note")} error={err("note")} {...form.register("note")} />
        {outcome === "won" ? (
          <div className="space-y-2">
            <label className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" {...form.register("withOrder")} />
              {t("createOrder")}
            </label>
            {withOrder ? (
              <TextField
                label={t("margin")}
                inputMode="decimal"
                required
                error={err("margin") ?? err("createOrder")}
                {...form.register("margin")}
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
