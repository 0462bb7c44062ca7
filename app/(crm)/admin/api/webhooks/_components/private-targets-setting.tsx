"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { webhookSettingsInput } from "@/server/webhooks/webhooks.schemas";

/** The admin setting that lets endpoints be on this machine or the private network (off by default). */
export function PrivateTargetsSetting() {
  const t = useTranslations("webhooks");
  const id = useId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.webhooks.settings.queryOptions({}));
  const stored = settings.data?.allowPrivateTargets ?? false;
  // The box as stored, until the admin ticks it; saved, the form follows the stored value again.
  const form = useForm({
    resolver: zodResolver(webhookSettingsInput),
    values: { allowPrivateTargets: stored },
  });
  const save = useMutation(
    trpc.webhooks.saveSettings.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.webhooks.settings.queryKey({}), saved),
    }),
  );
  const changed = form.watch("allowPrivateTargets") !== stored;

  return (
    <Card title={t("settings.title")}>
      <form
        className="space-y-3"
        aria-label={t("settings.title")}
        onSubmit={form.handleSubmit((values) => save.mutate(values))}
      >
        <div>
          <label className="flex items-start gap-2 text-sm font-medium text-slate-700">
            <input
              type="checkbox"
              className="mt-0.5"
              aria-describedby={`${id}-hint`}
              {...form.register("allowPrivateTargets", { onChange: () => save.reset() })}
            />
            {t("settings.label")}
          </label>
          <p id={`${id}-hint`} className="mt-1 ml-6 text-xs text-slate-500">
            {t("settings.hint")}
          </p>
        </div>
        {save.isError ? <Alert>{t("settings.failed")}</Alert> : null}
        {save.isSuccess && !changed ? <Alert tone="success">{t("settings.saved")}</Alert> : null}
        <Button type="submit" size="sm" variant="secondary" disabled={!changed || save.isPending}>
          {t("settings.save")}
        </Button>
      </form>
    </Card>
  );
}
