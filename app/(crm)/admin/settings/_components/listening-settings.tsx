"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useFieldErrors } from "@/app/(crm)/_components/listening/labels";
import { LEVELS } from "@/db/schema";
import type { ListeningSettingsInput } from "@/server/surveys/surveys.schemas";

/** Listening to customers (issue #13): survey schedule per level, CSAT switches, link and loop days, themes. */
export function ListeningSettings() {
  const t = useTranslations("feedback.settings");
  const tLevel = useTranslations("enums.level");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.feedback.settings.queryOptions());
  const [form, setForm] = useState<ListeningSettingsInput | null>(null);
  const [themes, setThemes] = useState("");
  useEffect(() => {
    if (current.data && !form) {
      setForm(current.data);
      setThemes(current.data.feedbackThemes.join("\n"));
    }
  }, [current.data, form]);
  const save = useMutation(
    trpc.feedback.saveSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.feedback.settings.queryKey(), data),
    }),
  );
  const errors = useFieldErrors(save.error, [
    "surveySchedule",
    "surveyLinkDays",
    "closeLoopDays",
    "feedbackThemes",
  ]);
  if (!form) return null;
  const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    save.mutate({
      ...form,
      feedbackThemes: themes
        .split("\n")
        .map((x) => x.trim())
        .filter(Boolean),
    });
  }

  return (
    <Card title={t("title")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        {save.isSuccess ? <Alert tone="success">{t("saved")}</Alert> : null}
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("schedule")}</legend>
          <div className="grid grid-cols-2 gap-3 sm:grid-cols-5">
            {LEVELS.map((level) => (
              <TextField
                key={level}
                label={tLevel(level)}
                type="number"
                min={0}
                max={60}
                value={Number.isNaN(form.surveySchedule[level]) ? "" : String(form.surveySchedule[level])}
                onChange={(e) =>
                  setForm({
                    ...form,
                    surveySchedule: { ...form.surveySchedule, [level]: num(e.target.value) },
                  })
                }
              />
            ))}
          </div>
          {errors.field("surveySchedule") ? (
            <p role="alert" className="mt-1 text-xs text-red-600">
              {errors.field("surveySchedule")}
            </p>
          ) : null}
        </fieldset>
        <div className="space-y-1">
          {(["afterComplaint", "afterDeal"] as const).map((k) => (
            <label key={k} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="accent-brand-600"
                checked={form.surveyCsat[k]}
                onChange={(e) =>
                  setForm({ ...form, surveyCsat: { ...form.surveyCsat, [k]: e.target.checked } })
                }
              />
              {k === "afterComplaint" ? t("csatAfterComplaint") : t("csatAfterDeal")}
            </label>
          ))}
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t("linkDays")}
            type="number"
            min={1}
            max={365}
            value={Number.isNaN(form.surveyLinkDays) ? "" : String(form.surveyLinkDays)}
            onChange={(e) => setForm({ ...form, surveyLinkDays: num(e.target.value) })}
            error={errors.field("surveyLinkDays")}
          />
          <TextField
            label={t("closeLoopDays")}
            type="number"
            min={1}
            max={60}
            value={Number.isNaN(form.closeLoopDays) ? "" : String(form.closeLoopDays)}
            onChange={(e) => setForm({ ...form, closeLoopDays: num(e.target.value) })}
            error={errors.field("closeLoopDays")}
          />
        </div>
        <TextAreaField
          label={t("themes")}
          hint={t("themesHint")}
          value={themes}
          onChange={(e) => setThemes(e.target.value)}
          error={errors.field("feedbackThemes")}
          rows={6}
        />
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? tCommon("actions.saving") : tCommon("actions.save")}
        </Button>
      </form>
    </Card>
  );
}
