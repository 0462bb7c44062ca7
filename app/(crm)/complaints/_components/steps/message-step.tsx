"use client";

// Steps whose one field is the message to the customer: acknowledging, and asking for confirmation later.
// The field shows the whole message as the customer will read it, greeting included.

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { TextareaHTMLAttributes } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/app/_components/ui/field";
import type { Locale } from "@/db/schema";
import {
  acknowledgementMessage,
  type CustomerMessage,
  confirmationRequestMessage,
} from "@/server/complaints/customer-messages.rules";
import { acknowledgeStep, requestConfirmationStep } from "@/server/complaints/step.schemas";
import {
  customerOf,
  MessagePreview,
  type StepComplaint,
  StepDialog,
  type StepProps,
  useStepSubmit,
} from "./step-form";

type Compose = (
  locale: Locale,
  ctx: { reference: string; name: string | null; text?: string | null },
) => CustomerMessage;

/** The message field with the message the customer receives under it. */
export function MessageField({
  complaint,
  compose,
  text,
  error,
  ...field
}: {
  complaint: StepComplaint;
  compose: Compose;
  text: string | null | undefined;
  error?: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const t = useTranslations("complaints.dialog");
  return (
    <>
      <TextAreaField label={t("message")} hint={t("messageHint")} error={error} {...field} />
      <MessagePreview message={compose(complaint.locale, { ...customerOf(complaint), text })} />
    </>
  );
}

function MessageStep({
  action,
  compose,
  schema,
  ...props
}: StepProps & {
  action: "acknowledge" | "requestConfirmation";
  compose: Compose;
  schema: typeof acknowledgeStep | typeof requestConfirmationStep;
}) {
  const t = useTranslations("complaints.dialog");
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { message: "" } });
  const step = useStepSubmit(form, action, props);
  return (
    <StepDialog
      action={action}
      hint={t(action === "acknowledge" ? "acknowledgeHint" : "requestConfirmationHint")}
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <MessageField
        complaint={props.complaint}
        compose={compose}
        text={form.watch("message")}
        error={step.fieldError(form.formState.errors.message?.message)}
        {...form.register("message")}
      />
    </StepDialog>
  );
}

/** Taking the complaint on: the customer hears so, with an apology, and the investigation starts. */
export function AcknowledgeStep(props: StepProps) {
  return (
    <MessageStep action="acknowledge" compose={acknowledgementMessage} schema={acknowledgeStep} {...props} />
  );
}

/** For a remedy carried out without asking: ask now. */
export function RequestConfirmationStep(props: StepProps) {
  return (
    <MessageStep
      action="requestConfirmation"
      compose={confirmationRequestMessage}
      schema={requestConfirmationStep}
      {...props}
    />
  );
}
