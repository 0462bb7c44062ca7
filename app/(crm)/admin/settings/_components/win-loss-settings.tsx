"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { WinLossSettingsInput } from "@/server/deals/deals.schemas";

const REVIEWER_ROLES = ["sales_lead", "service_agent", "executive", "admin"] as const;
const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

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
  const tRole = useTranslations("common.roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stages, setStages] = useState(initial.stages.join("\n"));
  const [reasons, setReasons] = useState(initial.reasons.join("\n"));
  const [roles, setRoles] = useState<string[]>(initial.reviewerRoles);
  const [others, setOthers] = useState(initial.otherAccountManagers);
  const [saved, setSaved] = useState(false);
  const save = useMutation(
    trpc.deals.saveSettings.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.deals.pathFilter());
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = save.error?.data?.fieldErrors ?? {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({
      stages: lines(stages),
      reasons: lines(reasons),
      reviewerRoles: roles as WinLossSettingsInput["reviewerRoles"],
      otherAccountManagers: others,
    });
  };
  return (
    <Card title={t("title")}>
      <form noValidate onSubmit={submit} aria-label={t("title")} className="space-y-3">
        <p className="text-sm text-slate-500">{t("hint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextAreaField
            label={t("stages")}
            hint={t("onePerLine")}
            value={stages}
            onChange={(e) => setStages(e.target.value)}
            error={errors.stages?.[0]}
          />
          <TextAreaField
            label={t("reasons")}
            hint={t("reasonsHint")}
            value={reasons}
            onChange={(e) => setReasons(e.target.value)}
            error={
              errors.reasons?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith("reasons."))?.[1]?.[0]
            }
          />
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium text-slate-700">{t("reviewers")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {REVIEWER_ROLES.map((r) => (
              <label key={r} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                />
                {tRole(r)}
              </label>
            ))}
            <label className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" checked={others} onChange={(e) => setOthers(e.target.checked)} />
              {t("otherManagers")}
            </label>
          </div>
          <p className="text-xs text-slate-500">{t("neverOwner")}</p>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {t("save")}
          </Button>
          {saved ? (
            <span role="status" className="text-sm text-emerald-700">
              {t("saved")}
            </span>
          ) : null}
          {save.error && !Object.keys(errors).length ? <Alert>{save.error.message}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
