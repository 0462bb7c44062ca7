"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Card, Spinner } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { ROLES, type Role } from "@/db/schema";
import { RoleCheckboxes } from "./role-checkboxes";
import { SettingsSection } from "./settings-section";

/** Which roles see the executive pages (overview, cohorts, ladder over time, lifetime value, what-if). */
export function ExecutiveAccessSettings() {
  const t = useTranslations("executive.access");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const current = useQuery(trpc.settings.executiveViewers.queryOptions());
  if (!current.data) {
    return (
      <Card title={t("title")}>
        <Spinner label={tc("states.loading")} />
      </Card>
    );
  }
  return <ExecutiveAccessForm initial={[...current.data]} />;
}

function ExecutiveAccessForm({ initial }: { initial: Role[] }) {
  const t = useTranslations("executive.access");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  // Ticked boxes only: nothing to check in the browser; the procedure checks the roles.
  const form = useForm<{ roles: Role[] }>({ defaultValues: { roles: initial } });
  const save = useMutation(
    trpc.settings.setExecutiveViewers.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.settings.executiveViewers.queryFilter());
      },
    }),
  );
  return (
    <SettingsSection
      title={t("title")}
      labelled
      grid={false}
      submitLabel={t("save")}
      saved={saved ? t("saved") : null}
      error={save.error ? save.error.message : null}
      pending={save.isPending}
      onSubmit={form.handleSubmit(({ roles }) => {
        setSaved(false);
        save.mutate({ roles: roles || [] });
      })}
    >
      <RoleCheckboxes
        register={form.register}
        name="roles"
        roles={ROLES}
        legend={t("hint")}
        legendClassName="text-sm text-slate-500"
      />
    </SettingsSection>
  );
}
