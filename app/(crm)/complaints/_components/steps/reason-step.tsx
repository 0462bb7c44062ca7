"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/app/_components/ui/field";
import { reasonStep } from "@/server/complaints/step.schemas";
import { StepDialog, type StepProps, useStepSubmit } from "./step-form";

const LABEL = {
  sendBack: "reasonSendBack",
  closeWithoutConfirmation: "reasonClose",
  reopen: "reasonReopen",
} as const;

/** Sending a remedy back, closing without confirmation, reopening: each asks why. */
export function ReasonStep({ action, ...props }: StepProps & { action: keyof typeof LABEL }) {
  const t = useTranslations("complaints.dialog");
  const form = useForm({ resolver: zodResolver(reasonStep), defaultValues: { reason: "" } });
  const step = useStepSubmit(form, action, props);
  return (
    <StepDialog
      action={action}
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <TextAreaField
        label={t(LABEL[action])}
        required
        error={step.fieldError(form.formState.errors.reason?.message)}
        {...form.register("reason")}
      />
    </StepDialog>
  );
}
