"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { cadenceInput, lapseWindowInput, levelThresholdsInput } from "@/server/admin/admin-settings.schemas";
import { ComplaintSettingsForm } from "./complaint-settings-form";
import { NumberField, SettingsSection, useSettingsErrors } from "./settings-section";

export function SettingsForms() {
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.isPending) return <Spinner label={tc("states.loading")} />;
  if (settings.isError) return <Alert>{tc("states.error")}</Alert>;
  const s = settings.data;
  return (
    <div className="max-w-3xl space-y-5">
      <LapseForm initial={{ lapseWindowDays: s.lapseWindowDays }} />
      <ThresholdsForm initial={s.levelThresholds} />
      <CadenceForm initial={s.cadence} />
      <ComplaintSettingsForm initial={s.complaints} />
    </div>
  );
}

function useSettingsMutation() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const t = useTranslations("levels.settings");
  const [saved, setSaved] = useState<string | null>(null);
  return {
    trpc,
    saved,
    setSaved,
    /** The failure sentence when the refusal names no field. */
    failed: (m: { isError: boolean; error: { data?: { fieldErrors?: unknown } | null } | null }) =>
      m.isError && !m.error?.data?.fieldErrors ? t("errors.general") : null,
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.settings.get.pathFilter()),
        queryClient.invalidateQueries(trpc.levels.pathFilter()),
      ]),
  };
}

function LapseForm({ initial }: { initial: z.infer<typeof lapseWindowInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh, saved, setSaved, failed } = useSettingsMutation();
  const form = useForm<z.infer<typeof lapseWindowInput>>({
    resolver: zodResolver(lapseWindowInput),
    defaultValues: initial,
  });
  const save = useMutation(
    trpc.settings.setLapseWindow.mutationOptions({
      onSuccess: async () => {
        setSaved(t("lapse.saved"));
        await refresh();
      },
    }),
  );
  const error = useSettingsErrors(form, save.error);
  return (
    <SettingsSection
      title={t("lapse.title")}
      saved={saved}
      error={failed(save)}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField form={form} name="lapseWindowDays" label={t("lapse.days")} error={error} />
    </SettingsSection>
  );
}

function ThresholdsForm({ initial }: { initial: z.infer<typeof levelThresholdsInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh, saved, setSaved, failed } = useSettingsMutation();
  const form = useForm<z.infer<typeof levelThresholdsInput>>({
    resolver: zodResolver(levelThresholdsInput),
    defaultValues: initial,
  });
  const save = useMutation(
    trpc.settings.setLevelThresholds.mutationOptions({
      onSuccess: async (result) => {
        setSaved(t("thresholds.saved", { count: result.recomputed }));
        await refresh();
      },
    }),
  );
  const error = useSettingsErrors(form, save.error);
  return (
    <SettingsSection
      title={t("thresholds.title")}
      hint={t("thresholds.hint")}
      saved={saved}
      error={failed(save)}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField form={form} name="manyCustomersAtLeast" label={t("thresholds.many")} error={error} />
      <NumberField form={form} name="mediumCustomersAtLeast" label={t("thresholds.medium")} error={error} />
      <NumberField form={form} name="highMarginPct" label={t("thresholds.high")} error={error} step="0.01" />
      <NumberField
        form={form}
        name="mediumMarginPct"
        label={t("thresholds.mediumMargin")}
        error={error}
        step="0.01"
      />
    </SettingsSection>
  );
}

function CadenceForm({ initial }: { initial: z.infer<typeof cadenceInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh, saved, setSaved, failed } = useSettingsMutation();
  const form = useForm<z.infer<typeof cadenceInput>>({
    resolver: zodResolver(cadenceInput),
    defaultValues: initial,
  });
  const save = useMutation(
    trpc.settings.setCadence.mutationOptions({
      onSuccess: async () => {
        setSaved(t("cadence.saved"));
        await refresh();
      },
    }),
  );
  const error = useSettingsErrors(form, save.error);
  return (
    <SettingsSection
      title={t("cadence.title")}
      saved={saved}
      error={failed(save)}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField form={form} name="accountableCheckInDays" label={t("cadence.checkIn")} error={error} />
      <NumberField form={form} name="proactiveContactDays" label={t("cadence.proactive")} error={error} />
      <NumberField
        form={form}
        name="partnershipContactDays"
        label={t("cadence.partnershipContact")}
        error={error}
      />
      <NumberField
        form={form}
        name="partnershipReviewDays"
        label={t("cadence.partnershipReview")}
        error={error}
      />
    </SettingsSection>
  );
}
