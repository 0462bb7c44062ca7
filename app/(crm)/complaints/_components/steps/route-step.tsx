"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { SelectField, TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, DEPARTMENTS } from "@/db/schema";
import { routeStep } from "@/server/complaints/step.schemas";
import { StepDialog, type StepProps, useStepSubmit } from "./step-form";

// "Keep as it is" is the empty option: it reaches the schema as null.
const orNull = { setValueAs: (v: string | null) => v || null };

export function RouteStep(props: StepProps) {
  const t = useTranslations("complaints");
  const trpc = useTRPC();
  const options = useQuery(trpc.complaints.options.queryOptions({}));
  const form = useForm({
    resolver: zodResolver(routeStep),
    defaultValues: { department: null, handlerId: null, category: null, severity: null, note: "" },
  });
  const step = useStepSubmit(form, "route", props);
  const { errors } = form.formState;
  const keep = { value: "", label: t("dialog.keep") };
  return (
    <StepDialog
      action="route"
      onClose={props.onClose}
      onSubmit={step.submit}
      general={step.general}
      pending={step.pending}
    >
      <SelectField
        label={t("dialog.department")}
        error={step.fieldError(errors.department?.message)}
        options={[keep, ...DEPARTMENTS.map((d) => ({ value: d, label: t(`department.${d}`) }))]}
        {...form.register("department", orNull)}
      />
      <SelectField
        label={t("dialog.handler")}
        error={step.fieldError(errors.handlerId?.message)}
        options={[keep, ...(options.data?.handlers ?? []).map((h) => ({ value: h.id, label: h.name }))]}
        {...form.register("handlerId", orNull)}
      />
      <SelectField
        label={t("dialog.category")}
        error={step.fieldError(errors.category?.message)}
        options={[keep, ...COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
        {...form.register("category", orNull)}
      />
      <SelectField
        label={t("dialog.severity")}
        hint={t("dialog.severityHint")}
        error={step.fieldError(errors.severity?.message)}
        options={[keep, ...COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))]}
        {...form.register("severity", orNull)}
      />
      <TextAreaField
        label={t("dialog.noteOptional")}
        error={step.fieldError(errors.note?.message)}
        {...form.register("note")}
      />
    </StepDialog>
  );
}
