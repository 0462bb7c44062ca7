"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, DEPARTMENTS, type Department } from "@/db/schema";
import type { ComplaintSettingsInput } from "@/server/admin/admin-settings.schemas";

type ErrorCode = Parameters<ReturnType<typeof useTranslations<"levels.settings.errors">>>[0];

/** Complaint handling settings (issue #5): promised times, approval limit, routing, root causes, follow-up. */
export function ComplaintSettingsForm({ initial }: { initial: ComplaintSettingsInput }) {
  const t = useTranslations("levels.settings");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [routing, setRouting] = useState(initial.routing);
  const save = useMutation(
    trpc.settings.setComplaints.mutationOptions({
      onSuccess: async () => {
        setSaved(t("complaints.saved"));
        await queryClient.invalidateQueries(trpc.settings.get.pathFilter());
      },
    }),
  );
  const fieldErrors = save.error?.data?.fieldErrors ?? {};
  const err = (name: string) => {
    const code = fieldErrors[name]?.[0];
    return code ? t(`errors.${code as ErrorCode}`) : undefined;
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const f = new FormData(event.currentTarget);
    const num = (name: string) => {
      const raw = String(f.get(name) ?? "").trim();
      return raw === "" ? Number.NaN : Number(raw);
    };
    const promise = (s: (typeof COMPLAINT_SEVERITIES)[number]) => ({
      acknowledgeHours: num(`${s}.acknowledgeHours`),
      resolveDays: num(`${s}.resolveDays`),
    });
    save.mutate({
      promisedTimes: { low: promise("low"), medium: promise("medium"), high: promise("high") },
      approvalLimit: num("approvalLimit"),
      followUpDays: num("followUpDays"),
      routing,
      rootCauses: String(f.get("rootCauses") ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
    });
  }

  const failed = save.isError && Object.keys(fieldErrors).length === 0;
  return (
    <Card title={t("complaints.title")}>
      <form noValidate onSubmit={onSubmit} className="space-y-4">
        <p className="text-sm text-slate-500">{t("complaints.hint")}</p>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-700">{t("complaints.promised")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {COMPLAINT_SEVERITIES.map((s) => (
              <div key={s} className="contents">
                <TextField
                  label={t("complaints.acknowledgeHours", { severity: t(`complaints.severity.${s}`) })}
                  name={`${s}.acknowledgeHours`}
                  type="number"
                  step="1"
                  defaultValue={initial.promisedTimes[s].acknowledgeHours}
                />
                <TextField
                  label={t("complaints.resolveDays", { severity: t(`complaints.severity.${s}`) })}
                  name={`${s}.resolveDays`}
                  type="number"
                  step="1"
                  defaultValue={initial.promisedTimes[s].resolveDays}
                />
              </div>
            ))}
          </div>
          {err("promisedTimes") ? <Alert>{err("promisedTimes")}</Alert> : null}
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={t("complaints.approvalLimit")}
            name="approvalLimit"
            type="number"
            step="0.01"
            defaultValue={initial.approvalLimit}
            error={err("approvalLimit")}
          />
          <TextField
            label={t("complaints.followUpDays")}
            name="followUpDays"
            type="number"
            step="1"
            defaultValue={initial.followUpDays}
            error={err("followUpDays")}
          />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-700">{t("complaints.routing")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {COMPLAINT_CATEGORIES.map((c) => (
              <SelectField
                key={c}
                label={t(`complaints.category.${c}`)}
                value={routing[c]}
                onChange={(e) => setRouting({ ...routing, [c]: e.target.value as Department })}
                options={DEPARTMENTS.map((d) => ({ value: d, label: t(`complaints.department.${d}`) }))}
              />
            ))}
          </div>
        </fieldset>
        <TextAreaField
          label={t("complaints.rootCauses")}
          name="rootCauses"
          rows={6}
          defaultValue={initial.rootCauses.join("\n")}
          error={err("rootCauses")}
        />
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? tc("actions.saving") : t("save")}
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
