"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";

/** Which roles see the executive pages (overview, cohorts, ladder over time, lifetime value, what-if). */
export function ExecutiveAccessSettings() {
  const t = useTranslations("executive.access");
  const tRole = useTranslations("common.roles");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.settings.executiveViewers.queryOptions());
  const [roles, setRoles] = useState<Role[]>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data) setRoles([...current.data]);
  }, [current.data]);
  const save = useMutation(
    trpc.settings.setExecutiveViewers.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.settings.executiveViewers.queryFilter());
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate({ roles });
  };
  return (
    <Card title={t("title")}>
      <form noValidate onSubmit={submit} aria-label={t("title")} className="space-y-3">
        <fieldset className="space-y-1">
          <legend className="text-sm text-slate-500">{t("hint")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {ROLES.map((r) => (
              <label key={r} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))}
                />
                {tRole(r)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending || current.isPending}>
            {t("save")}
          </Button>
          {saved ? (
            <span role="status" className="text-sm text-emerald-700">
              {t("saved")}
            </span>
          ) : null}
          {save.error ? <Alert>{save.error.message}</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
