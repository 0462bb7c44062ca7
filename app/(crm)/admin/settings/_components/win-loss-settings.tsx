"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, Spinner } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { type WinLossSettingsInput, winLossSettingsInput } from "@/server/deals/deals.schemas";
import { lines } from "./lines";
import { RoleCheckboxes } from "./role-checkboxes";
import { Checkbox, SettingsSection, useSettingsErrors } from "./settings-section";

const REVIEWER_ROLES = ["sales_lead", "service_agent", "executive", "admin"] as const;

// Stages and reasons are typed one per line; the procedure takes the lists.
const formSchema = winLossSettingsInput.extend({
  stages: z.string().transform(lines).pipe(winLossSettingsInput.shape.stages),
  reasons: z.string().transform(lines).pipe(winLossSettingsInput.shape.reasons),
});
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

/** Deal stages, the win/loss reason list and who may review, saved together. */
export function WinLossSettings() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.deals.settings.queryOptions());
  if (settings.isPending) return <Spinner label="…" />;
  if (settings.isError) return <Alert>{settings.error.message}</Alert>;
  return <WinLossForm initial={settings.data} />;
}

function WinLossForm({ initial }: { initial: WinLossSettingsInput }) {
  const t = useTranslations("deals.settings");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: { ...initial, stages: initial.stages.join("\n"), reasons: initial.reasons.join("\n") },
  });
  const save = useMutation(
    trpc.deals.saveSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.deals.pathFilter());
      },
    }),
  );
  const error = useSettingsErrors(form, save.error);
  const fieldErrors = save.error?.data?.fieldErrors ?? {};
  return (
    <SettingsSection
      title={t("title")}
      hint={t("hint")}
      labelled
      grid={false}
      submitLabel={t("save")}
      saved={saved ? t("saved") : null}
      error={save.error && !Object.keys(fieldErrors).length ? save.error.message : null}
      pending={save.isPending}
      onSubmit={form.handleSubmit((values) => {
        setSaved(false);
        save.mutate({ ...values, reviewerRoles: values.reviewerRoles || [] });
      })}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <TextAreaField
          label={t("stages")}
          hint={t("onePerLine")}
          error={error("stages")}
          {...form.register("stages")}
        />
        <TextAreaField
          label={t("reasons")}
          hint={t("reasonsHint")}
          error={error("reasons")}
          {...form.register("reasons")}
        />
      </div>
      <RoleCheckboxes
        register={form.register}
        name="reviewerRoles"
        roles={REVIEWER_ROLES}
        legend={t("reviewers")}
        legendClassName="text-sm font-medium text-slate-700"
      >
        <Checkbox label={t("otherManagers")} {...form.register("otherAccountManagers")} />
      </RoleCheckboxes>
      <p className="text-xs text-slate-500">{t("neverOwner")}</p>
    </SettingsSection>
  );
}
