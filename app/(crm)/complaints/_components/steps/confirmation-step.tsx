"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { SelectField, TextAreaField } from "@/app/_components/ui/field";
import { CONFIRMATION_CHANNELS } from "@/db/schema";
import { confirmationStep } from "@/server/complaints/step.schemas";
import { StepDialog, type StepProps, useStepSubmit } from "./step-form";

/** The customer's confirmation, from a call or a message: recording it closes the complaint. */
export function ConfirmationStep(props: StepProps) {
  const t = useTranslations("complaints");
  const form = useForm({
    resolver: zodResolver(confirmationStep),
    defaultValues: { confirmationChannel: "phone" as const, confirmationNote: "" },
  });
  const step = useStepSubmit(form, "recordConfirmation", props);
  const { errors } = form.formState;
  return (
    <StepDialog
      action="recordConfirmation"
      hint={t("dialog.confirmationHint")}
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <SelectField
        label={t("dialog.confirmationChannel")}
        required
        error={step.fieldError(errors.confirmationChannel?.message)}
        options={CONFIRMATION_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        {...form.register("confirmationChannel")}
      />
      <TextAreaField
        label={t("dialog.confirmationNote")}
        error={step.fieldError(errors.confirmationNote?.message)}
        {...form.register("confirmationNote")}
      />
    </StepDialog>
  );
}
