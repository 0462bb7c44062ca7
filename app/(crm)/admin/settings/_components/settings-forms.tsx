"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { type FieldValues, type Path, type UseFormReturn, useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { cadenceInput, lapseWindowInput, levelThresholdsInput } from "@/server/admin/admin-settings.schemas";
import { ComplaintSettingsForm } from "./complaint-settings-form";

type ErrorCode = Parameters<ReturnType<typeof useTranslations<"levels.settings.errors">>>[0];
type ServerError = { data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null } | null;

/** A number input bound to a form field; shows the zod code (client or server) translated beside it. */
function NumberField<T extends FieldValues>({
  form,
  name,
  label,
  serverError,
  step = "1",
}: {
  form: UseFormReturn<T>;
  name: Path<T>;
  label: string;
  serverError: ServerError;
  step?: string;
}) {
  const t = useTranslations("levels.settings.errors");
  const code =
    (form.formState.errors[name]?.message as string | undefined) ??
    serverError?.data?.fieldErrors?.[name]?.[0];
  return (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      step={step}
      error={code ? t(code as ErrorCode) : undefined}
      {...form.register(name, { valueAsNumber: true })}
    />
  );
}

function SettingsSection({
  title,
  hint,
  saved,
  failed,
  pending,
  onSubmit,
  children,
}: {
  title: string;
  hint?: string;
  saved: string | null;
  failed: boolean;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const t = useTranslations("levels.settings");
  const tc = useTranslations("common");
  return (
    <Card title={title}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        className="space-y-3"
      >
        {hint ? <p className="text-sm text-slate-500">{hint}</p> : null}
        <div className="grid gap-3 sm:grid-cols-2">{children}</div>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? tc("actions.saving") : t("save")}
          </Button>
          {saved ? (
            <p role="status" className="text-sm text-emerald-700">
              {saved}
            </p>
          ) : null}
        </div>
        {failed ? <Alert>{t("errors.general")}</Alert> : null}
      </form>
    </Card>
  );
}

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
  return {
    trpc,
    refresh: () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.settings.get.pathFilter()),
        queryClient.invalidateQueries(trpc.levels.pathFilter()),
      ]),
  };
}

function LapseForm({ initial }: { initial: z.infer<typeof lapseWindowInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh } = useSettingsMutation();
  const [saved, setSaved] = useState<string | null>(null);
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
  const failed = save.isError && !save.error.data?.fieldErrors;
  return (
    <SettingsSection
      title={t("lapse.title")}
      saved={saved}
      failed={failed}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField form={form} name="lapseWindowDays" label={t("lapse.days")} serverError={save.error} />
    </SettingsSection>
  );
}

function ThresholdsForm({ initial }: { initial: z.infer<typeof levelThresholdsInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh } = useSettingsMutation();
  const [saved, setSaved] = useState<string | null>(null);
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
  const failed = save.isError && !save.error.data?.fieldErrors;
  return (
    <SettingsSection
      title={t("thresholds.title")}
      hint={t("thresholds.hint")}
      saved={saved}
      failed={failed}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField
        form={form}
        name="manyCustomersAtLeast"
        label={t("thresholds.many")}
        serverError={save.error}
      />
      <NumberField
        form={form}
        name="mediumCustomersAtLeast"
        label={t("thresholds.medium")}
        serverError={save.error}
      />
      <NumberField
        form={form}
        name="highMarginPct"
        label={t("thresholds.high")}
        serverError={save.error}
        step="0.01"
      />
      <NumberField
        form={form}
        name="mediumMarginPct"
        label={t("thresholds.mediumMargin")}
        serverError={save.error}
        step="0.01"
      />
    </SettingsSection>
  );
}

function CadenceForm({ initial }: { initial: z.infer<typeof cadenceInput> }) {
  const t = useTranslations("levels.settings");
  const { trpc, refresh } = useSettingsMutation();
  const [saved, setSaved] = useState<string | null>(null);
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
  const failed = save.isError && !save.error.data?.fieldErrors;
  return (
    <SettingsSection
      title={t("cadence.title")}
      saved={saved}
      failed={failed}
      pending={save.isPending}
      onSubmit={form.handleSubmit((v) => {
        setSaved(null);
        save.mutate(v);
      })}
    >
      <NumberField
        form={form}
        name="accountableCheckInDays"
        label={t("cadence.checkIn")}
        serverError={save.error}
      />
      <NumberField
        form={form}
        name="proactiveContactDays"
        label={t("cadence.proactive")}
        serverError={save.error}
      />
      <NumberField
        form={form}
        name="partnershipContactDays"
        label={t("cadence.partnershipContact")}
        serverError={save.error}
      />
      <NumberField
        form={form}
        name="partnershipReviewDays"
        label={t("cadence.partnershipReview")}
        serverError={save.error}
      />
    </SettingsSection>
  );
}
