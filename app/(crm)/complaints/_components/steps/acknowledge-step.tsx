"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/app/_components/ui/field";
import { acknowledgementMessage } from "@/server/complaints/customer-messages.rules";
import { acknowledgeStep } from "@/server/complaints/step.schemas";
import { customerOf, MessagePreview, StepDialog, type StepProps, useStepSubmit } from "./step-form";

export function AcknowledgeStep(props: StepProps) {
  const t = useTranslations("complaints.dialog");
  const form = useForm({ resolver: zodResolver(acknowledgeStep), defaultValues: { message: "" } });
  const step = useStepSubmit(form, "acknowledge", props);
  const message = form.watch("message");
  return (
    <StepDialog
      action="acknowledge"
      hint={t("acknowledgeHint")}
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <TextAreaField
        label={t("message")}
        hint={t("messageHint")}
        error={step.fieldError(form.formState.errors.message?.message)}
        {...form.register("message")}
      />
      <MessagePreview
        message={acknowledgementMessage(props.complaint.locale, {
          ...customerOf(props.complaint),
          text: message,
        })}
      />
    </StepDialog>
  );
}
