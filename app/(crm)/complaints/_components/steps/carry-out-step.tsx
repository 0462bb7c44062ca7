"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/app/_components/ui/field";
import { confirmationRequestMessage } from "@/server/complaints/customer-messages.rules";
import { carryOutStep } from "@/server/complaints/step.schemas";
import { MessageField } from "./message-step";
import { CheckboxField, StepDialog, type StepProps, useStepSubmit } from "./step-form";

/** Carry out the remedy and, unless unticked, ask the customer in the same step whether it met expectations. */
export function CarryOutStep(props: StepProps) {
  const t = useTranslations("complaints.dialog");
  const form = useForm({
    resolver: zodResolver(carryOutStep),
    defaultValues: { note: "", askConfirmation: true, message: "" },
  });
  const step = useStepSubmit(form, "carryOut", props);
  const { errors } = form.formState;
  const [ask, message] = form.watch(["askConfirmation", "message"]);
  return (
    <StepDialog
      action="carryOut"
      hint={t("carryOutHint")}
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <TextAreaField
        label={t("noteOptional")}
        error={step.fieldError(errors.note?.message)}
        {...form.register("note")}
      />
      <CheckboxField
        label={t("askConfirmation")}
        hint={t("askConfirmationHint")}
        {...form.register("askConfirmation")}
      />
      {ask ? (
        <MessageField
          complaint={props.complaint}
          compose={confirmationRequestMessage}
          text={message}
          error={step.fieldError(errors.message?.message)}
          {...form.register("message")}
        />
      ) : null}
    </StepDialog>
  );
}
