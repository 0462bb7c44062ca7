"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { SelectField, TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { RESPONSIBLE_PARTIES } from "@/db/schema";
import { findingsStep } from "@/server/complaints/step.schemas";
import { useRootCauseLabel } from "../root-cause-label";
import { StepDialog, type StepProps, useStepSubmit } from "./step-form";

export function FindingsStep(props: StepProps) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const rootCauseLabel = useRootCauseLabel();
  const options = useQuery(trpc.complaints.options.queryOptions({}));
  const c = props.complaint;
  const form = useForm({
    resolver: zodResolver(findingsStep),
    defaultValues: {
      rootCause: c.rootCause ?? "",
      rootCauseText: c.rootCauseText ?? "",
      responsibleParty: (c.responsibleParty ?? "") as (typeof RESPONSIBLE_PARTIES)[number],
    },
  });
  const step = useStepSubmit(form, "recordFindings", props);
  const { errors } = form.formState;
  const none = { value: "", label: "—" };
  return (
    <StepDialog
      action="recordFindings"
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <SelectField
        label={t("dialog.rootCause")}
        required
        error={step.fieldError(errors.rootCause?.message)}
        options={[
          none,
          ...(options.data?.rootCauses ?? []).map((r) => ({ value: r, label: rootCauseLabel(r) })),
        ]}
        {...form.register("rootCause")}
      />
      <TextAreaField
        label={t("dialog.rootCauseText")}
        error={step.fieldError(errors.rootCauseText?.message)}
        {...form.register("rootCauseText")}
      />
      <SelectField
        label={t("dialog.responsibleParty")}
        required
        error={step.fieldError(errors.responsibleParty?.message)}
        options={[none, ...RESPONSIBLE_PARTIES.map((p) => ({ value: p, label: t(`responsibleParty.${p}`) }))]}
        {...form.register("responsibleParty")}
      />
    </StepDialog>
  );
}
