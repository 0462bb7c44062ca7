"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMoney } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useNameLabel } from "@/app/(crm)/_components/name-labels";
import { LEVELS, type Level } from "@/db/schema";
import { setPractisedInput } from "@/server/levels/levels.schemas";
import { LevelBadge } from "./level-badge";

/**
 * Practised vs recommended level on the account page, with the figures behind the recommendation (segment
 * size, margin band, window) and, for those who may edit the account, a control to change the practised level.
 */
export function LevelCard({ accountId }: { accountId: number }) {
  const t = useTranslations("levels.card");
  const name = useNameLabel();
  const tLevel = useTranslations("enums.level");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const money = useMoney();
  const queryClient = useQueryClient();
  const levels = useQuery(trpc.levels.forAccount.queryOptions({ accountId }));
  const [saved, setSaved] = useState<Level | null>(null);
  // The level chosen, as practised until the reader picks another (and again once the change is saved).
  const practised = levels.data?.practised;
  const form = useForm({
    resolver: zodResolver(setPractisedInput),
    values: practised ? { accountId, level: practised } : undefined,
  });
  const save = useMutation(
    trpc.levels.setPractised.mutationOptions({
      onSuccess: async (result) => {
        setSaved(result.level);
        await Promise.all([
          queryClient.invalidateQueries(trpc.levels.forAccount.queryFilter({ accountId })),
          queryClient.invalidateQueries(trpc.accounts.get.queryFilter({ id: accountId })),
          queryClient.invalidateQueries(trpc.tasks.listForAccount.pathFilter()),
        ]);
      },
    }),
  );

  if (levels.isPending)
    return (
      <Card title={t("title")}>
        <Spinner label={tc("states.loading")} />
      </Card>
    );
  if (levels.isError)
    return (
      <Card title={t("title")}>
        <Alert>{tc("states.error")}</Alert>
      </Card>
    );
  const l = levels.data;
  const selected = form.watch("level") ?? l.practised;
  const matches = l.practised === l.recommended;
  const basis = t(`basis.${l.basis}`);

  return (
    <Card title={t("title")}>
      <dl className="grid grid-cols-2 gap-3">
        <div>
          <dt className="text-xs font-medium text-slate-500">{t("practised")}</dt>
          <dd className="mt-1" data-testid="level-practised">
            <LevelBadge level={l.practised} />
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500">{t("recommended")}</dt>
          <dd className="mt-1" data-testid="level-recommended">
            <LevelBadge level={l.recommended} />
          </dd>
        </div>
      </dl>
      {l.recommended === null ? (
        <p className="mt-3 text-sm text-slate-600">{t("noRecommendation")}</p>
      ) : (
        <p className={matches ? "mt-3 text-sm text-emerald-700" : "mt-3 text-sm text-amber-800"}>
          {matches
            ? t("matches")
            : t("differsBy", {
                gap: l.gap,
                direction: l.direction ?? "under",
                yearly: money(l.yearlyMargin ?? 0),
                stake: money(l.stake),
              })}
        </p>
      )}
      <section
        aria-label={t("why")}
        hidden={l.recommended === null}
        className="mt-3 space-y-1 text-sm text-slate-600"
      >
        <h3 className="text-xs font-medium text-slate-500">{t("why")}</h3>
        <p>
          {t("segment", {
            count: l.segmentCustomers,
            segment: l.segment ? name("segment", l.segment) : t("unsegmented"),
            size: t(`size.${l.segmentSize}`),
          })}
        </p>
        <p>
          {l.marginPct == null
            ? t("noRevenue", { basis })
            : t("margin", { pct: l.marginPct, basis, band: t(`band.${l.marginBand}`) })}
        </p>
      </section>
      {l.canEdit ? (
        <form
          className="mt-4 flex items-end gap-2"
          onSubmit={form.handleSubmit((input) => {
            setSaved(null);
            save.mutate(input);
          })}
        >
          <SelectField
            label={t("changeLabel")}
            className="min-w-0 flex-1"
            {...form.register("level")}
            options={LEVELS.map((level) => ({
              value: level,
              label: level === l.recommended ? `${tLevel(level)} (${t("recommended")})` : tLevel(level),
            }))}
          />
          <Button type="submit" variant="secondary" disabled={save.isPending || selected === l.practised}>
            {save.isPending ? tc("actions.saving") : t("save")}
          </Button>
        </form>
      ) : (
        <p className="mt-4 text-xs text-slate-500">{t("readOnly")}</p>
      )}
      {saved ? (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t("saved", { level: tLevel(saved) })}
        </p>
      ) : null}
      {save.isError ? (
        <div className="mt-2">
          <Alert>{tc("states.error")}</Alert>
        </div>
      ) : null}
    </Card>
  );
}
