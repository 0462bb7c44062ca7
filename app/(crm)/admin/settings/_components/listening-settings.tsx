"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useCodeErrors } from "@/app/(crm)/_components/listening/labels";
import { LEVELS } from "@/db/schema";
import { type ListeningSettingsInput, listeningSettingsInput } from "@/server/surveys/surveys.schemas";
import { lines } from "./lines";
import { Checkbox, NumberField, SettingsSection } from "./settings-section";

// The themes are typed one per line; the procedure takes the list.
const formSchema = listeningSettingsInput.extend({
  feedbackThemes: z.string().transform(lines).pipe(listeningSettingsInput.shape.feedbackThemes),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** Listening to customers (issue #13): survey schedule per level, CSAT switches, link and loop days, themes. */
export function ListeningSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.feedback.settings.queryOptions());
  if (!current.data) return null;
  return <ListeningForm initial={current.data} />;
}

function ListeningForm({ initial }: { initial: ListeningSettingsInput }) {
  const t = useTranslations("feedback.settings");
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { ...initial, feedbackThemes: initial.feedbackThemes.join("\n") },
  });
  const errors = useCodeErrors(form);
  const save = useMutation(
    trpc.feedback.saveSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.feedback.settings.queryKey(), data),
      onError: (error) => errors.refused(error),
    }),
  );
  const scheduleError = errors.field("surveySchedule");

  return (
    <SettingsSection
      title={t("title")}
      grid={false}
      submitLabel={tCommon("actions.save")}
      saved={save.isSuccess ? t("saved") : null}
      error={errors.general ?? null}
      pending={save.isPending}
      onSubmit={form.handleSubmit((values) => save.mutate(values))}
    >
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-700">{t("schedule")}</legend>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {LEVELS.map((level) => (
            <NumberField
              key={level}
              form={form}
              name={`surveySchedule.${level}`}
              label={tLevel(level)}
              min={0}
              max={60}
              // One message for the schedule, under the row of levels.
              error={() => undefined}
            />
          ))}
        </div>
        {scheduleError ? (
          <p role="alert" className="mt-1 text-xs text-red-600">
            {scheduleError}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <Checkbox label={t("csatAfterComplaint")} {...form.register("surveyCsat.afterComplaint")} />
        <Checkbox label={t("csatAfterDeal")} {...form.register("surveyCsat.afterDeal")} />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <NumberField
          form={form}
          name="surveyLinkDays"
          label={t("linkDays")}
          min={1}
          max={365}
          error={(name) => errors.field(name as "surveyLinkDays")}
        />
        <NumberField
          form={form}
          name="closeLoopDays"
          label={t("closeLoopDays")}
          min={1}
          max={60}
          error={(name) => errors.field(name as "closeLoopDays")}
        />
      </div>
      <TextAreaField
        label={t("themes")}
        hint={t("themesHint")}
        rows={6}
        error={errors.field("feedbackThemes")}
        {...form.register("feedbackThemes")}
      />
    </SettingsSection>
  );
}
