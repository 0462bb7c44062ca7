"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CURRENCY, useMoney } from "@/app/_components/report/format";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { REMEDY_TYPES, type RemedyType } from "@/db/schema";
import { remedyStep } from "@/server/complaints/step.schemas";
import { needsApproval } from "@/server/complaints/workflow.rules";
import { toMinorUnits } from "@/server/orders/orders.schemas";
import { CheckboxField, StepDialog, type StepProps, useStepSubmit } from "./step-form";

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;

/** The step's schema with the value typed as money ("600.00") and sent in minor units. */
const remedyForm = remedyStep.extend({
  remedyValue: z
    .string()
    .trim()
    .regex(MONEY, { error: "amount" })
    .transform(toMinorUnits)
    .pipe(remedyStep.shape.remedyValue),
});

export function RemedyStep(props: StepProps) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const money = useMoney();
  const options = useQuery(trpc.complaints.options.queryOptions({}));
  const c = props.complaint;
  const form = useForm({
    resolver: zodResolver(remedyForm),
    defaultValues: {
      remedyType: (c.remedyType ?? "") as RemedyType,
      remedyValue: c.remedyValue === null ? "" : (c.remedyValue / 100).toFixed(2),
      remedyDescription: c.remedyDescription ?? "",
      addedValue: false,
    },
  });
  const step = useStepSubmit(form, "proposeRemedy", props);
  const { errors } = form.formState;
  const typed = form.watch("remedyValue").trim();
  const value = MONEY.test(typed) ? toMinorUnits(typed) : null;
  const limit = options.data?.approvalLimit ?? null;
  return (
    <StepDialog
      action="proposeRemedy"
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <SelectField
        label={t("dialog.remedyType")}
        required
        error={step.fieldError(errors.remedyType?.message)}
        options={[
          { value: "", label: "—" },
          ...REMEDY_TYPES.map((r) => ({ value: r, label: t(`remedyType.${r}`) })),
        ]}
        {...form.register("remedyType")}
      />
      <TextField
        label={t("dialog.remedyValue")}
        hint={t("dialog.remedyValueHint", { currency: CURRENCY })}
        inputMode="decimal"
        required
        error={step.fieldError(errors.remedyValue?.message)}
        {...form.register("remedyValue")}
      />
      {limit !== null && value !== null ? (
        <Alert tone="info">
          {needsApproval(value, limit)
            ? t("dialog.overLimit", { limit: money(limit) })
            : t("dialog.withinLimit", { limit: money(limit) })}
        </Alert>
      ) : null}
      <TextAreaField
        label={t("dialog.remedyDescription")}
        error={step.fieldError(errors.remedyDescription?.message)}
        {...form.register("remedyDescription")}
      />
      <CheckboxField
        label={t("dialog.addedValue")}
        hint={t("dialog.addedValueHint")}
        {...form.register("addedValue")}
      />
    </StepDialog>
  );
}
