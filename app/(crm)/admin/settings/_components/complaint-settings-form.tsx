"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, DEPARTMENTS } from "@/db/schema";
import { type ComplaintSettingsInput, complaintSettingsInput } from "@/server/admin/admin-settings.schemas";
import { lines } from "./lines";
import { NumberField, SettingsSection, useSettingsErrors } from "./settings-section";

// The root causes are typed one per line; the procedure takes the list.
const formSchema = complaintSettingsInput.extend({
  rootCauses: z.string().transform(lines).pipe(complaintSettingsInput.shape.rootCauses),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** Complaint handling settings (issue #5): promised times, approval limit, routing, root causes, follow-up. */
export function ComplaintSettingsForm({ initial }: { initial: ComplaintSettingsInput }) {
  const t = useTranslations("levels.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { ...initial, rootCauses: initial.rootCauses.join("\n") },
  });
  const save = useMutation(
    trpc.settings.setComplaints.mutationOptions({
      onSuccess: async () => {
        setSaved(t("complaints.saved"));
        await queryClient.invalidateQueries(trpc.settings.get.pathFilter());
      },
    }),
  );
  const error = useSettingsErrors(form, save.error);
  const fieldErrors = save.error?.data?.fieldErrors ?? {};
  const failed = save.isError && Object.keys(fieldErrors).length === 0;

  return (
    <SettingsSection
      title={t("complaints.title")}
      hint={t("complaints.hint")}
      grid={false}
      saved={saved}
      error={failed ? t("errors.general") : null}
      pending={save.isPending}
      onSubmit={form.handleSubmit((values) => {
        setSaved(null);
        save.mutate(values);
      })}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-700">{t("complaints.promised")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {COMPLAINT_SEVERITIES.map((s) => (
            <div key={s} className="contents">
              <NumberField
                form={form}
                name={`promisedTimes.${s}.acknowledgeHours`}
                label={t("complaints.acknowledgeHours", { severity: t(`complaints.severity.${s}`) })}
                error={error}
              />
              <NumberField
                form={form}
                name={`promisedTimes.${s}.resolveDays`}
                label={t("complaints.resolveDays", { severity: t(`complaints.severity.${s}`) })}
                error={error}
              />
            </div>
          ))}
        </div>
        {/* A refusal the server gives for the promised times as a whole. */}
        {fieldErrors.promisedTimes?.length ? <Alert>{error("promisedTimes")}</Alert> : null}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField
          form={form}
          name="approvalLimit"
          label={t("complaints.approvalLimit")}
          step="0.01"
          error={error}
        />
        <NumberField form={form} name="followUpDays" label={t("complaints.followUpDays")} error={error} />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-700">{t("complaints.routing")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {COMPLAINT_CATEGORIES.map((c) => (
            <SelectField
              key={c}
              label={t(`complaints.category.${c}`)}
              error={error(`routing.${c}`)}
              options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaints.department.${d}`) }))}
              {...form.register(`routing.${c}`)}
            />
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label={t("complaints.rootCauses")}
        rows={6}
        error={error("rootCauses")}
        {...form.register("rootCauses")}
      />
    </SettingsSection>
  );
}
