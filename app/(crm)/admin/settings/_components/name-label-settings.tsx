"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { NameKind } from "@/db/schema";

type Row = { kind: NameKind; name: string; labels: { en?: string; zh?: string } };

/**
 * A label per language for the names the company types itself (deal stages, account segments): readers see
 * the label in their language, or the name as typed where there is none.
 */
export function NameLabelSettings() {
  const t = useTranslations("levels.settings.names");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const list = useQuery(trpc.nameLabels.list.queryOptions());
  if (list.isPending) return <Spinner label={tc("states.loading")} />;
  if (list.isError) return <Alert>{list.error.message}</Alert>;
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-500">{t("hint")}</p>
      {(["stage", "segment"] as const).map((kind) => {
        const rows = list.data.filter((r) => r.kind === kind);
        return (
          <section key={kind} aria-label={t(`kinds.${kind}`)} className="mb-4">
            <h3 className="mb-1 text-sm font-medium text-slate-700">{t(`kinds.${kind}`)}</h3>
            {rows.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
            <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
              {rows.map((r) => (
                <LabelRow key={`${r.kind}:${r.name}`} row={r} />
              ))}
            </ul>
          </section>
        );
      })}
    </Card>
  );
}

function LabelRow({ row }: { row: Row }) {
  const t = useTranslations("levels.settings.names");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  // Two optional labels: the procedure checks their length (its schema lives with the router).
  const form = useForm({ defaultValues: { en: row.labels.en ?? "", zh: row.labels.zh ?? "" } });
  const save = useMutation(
    trpc.nameLabels.save.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries(trpc.nameLabels.pathFilter());
        // The labels travel with every page (the app's layout): render it again.
        router.refresh();
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = save.error?.data?.fieldErrors ?? {};
  const { en, zh } = form.watch();
  const changed = en !== (row.labels.en ?? "") || zh !== (row.labels.zh ?? "");
  return (
    <li className="px-3 py-2">
      <form
        aria-label={t("rowLabel", { name: row.name })}
        className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_1fr_auto]"
        onSubmit={form.handleSubmit((labels) => {
          setSaved(false);
          save.mutate({ kind: row.kind, name: row.name, labels });
        })}
      >
        <span className="text-sm font-medium break-words text-slate-800">{row.name}</span>
        <TextField
          label={t("en")}
          placeholder={row.name}
          error={errors["labels.en"]?.[0] ?? errors.labels?.[0]}
          {...form.register("en")}
        />
        <TextField
          label={t("zh")}
          placeholder={row.name}
          error={errors["labels.zh"]?.[0]}
          {...form.register("zh")}
        />
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" variant="secondary" disabled={!changed || save.isPending}>
            {t("save")}
          </Button>
          {saved && !changed ? (
            <span role="status" className="text-xs text-emerald-700">
              {t("saved")}
            </span>
          ) : null}
        </div>
      </form>
    </li>
  );
}
