"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/app/_components/ui/field";
import { approveStep } from "@/server/complaints/step.schemas";
import { StepDialog, type StepProps, useStepSubmit } from "./step-form";

export function ApproveStep(props: StepProps) {
  const t = useTranslations("complaints.dialog");
  const form = useForm({ resolver: zodResolver(approveStep), defaultValues: { note: "" } });
  const step = useStepSubmit(form, "approve", props);
  return (
    <StepDialog
      action="approve"
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <TextAreaField
        label={t("noteOptional")}
        error={step.fieldError(form.formState.errors.note?.message)}
        {...form.register("note")}
      />
    </StepDialog>
  );
}
