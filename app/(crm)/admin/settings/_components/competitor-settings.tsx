"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import {
  createCompetitorInput,
  mergeCompetitorsInput,
  renameCompetitorInput,
} from "@/server/deals/competitors.schemas";

// The selects give ids as text; the procedure takes numbers.
const mergeForm = z
  .object({ fromId: z.string(), intoId: z.string() })
  .transform((v) => ({ fromId: Number(v.fromId), intoId: Number(v.intoId) }))
  .pipe(mergeCompetitorsInput);
const renameForm = renameCompetitorInput.pick({ name: true });

/**
 * The competitor list deals are lost to: add a name (deals that typed it as "other" join it), rename an
 * entry, merge a duplicate into the entry to keep. Names typed as "other" are listed with their deal counts.
 */
export function CompetitorSettings() {
  const t = useTranslations("deals.competitorList");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.competitors.list.queryOptions());
  const [renaming, setRenaming] = useState<number | null>(null);
  const addForm = useForm({ resolver: zodResolver(createCompetitorInput), defaultValues: { name: "" } });
  const renameFormState = useForm({ resolver: zodResolver(renameForm), defaultValues: { name: "" } });
  const merging = useForm<z.input<typeof mergeForm>, unknown, z.output<typeof mergeForm>>({
    resolver: zodResolver(mergeForm),
    defaultValues: { fromId: "", intoId: "" },
  });
  const mergeFrom = merging.watch("fromId");
  const mergeInto = merging.watch("intoId");
  const [notice, setNotice] = useState<string | null>(null);
  const done = async (message: string) => {
    setNotice(message);
    await Promise.all([
      queryClient.invalidateQueries(trpc.competitors.pathFilter()),
      queryClient.invalidateQueries(trpc.deals.pathFilter()),
    ]);
  };
  const create = useMutation(
    trpc.competitors.create.mutationOptions({
      onSuccess: async (row) => {
        addForm.reset();
        await done(t("added", { name: row.name, count: row.deals }));
      },
    }),
  );
  const rename = useMutation(
    trpc.competitors.rename.mutationOptions({
      onSuccess: async (row) => {
        setRenaming(null);
        await done(t("renamed", { name: row.name }));
      },
    }),
  );
  const merge = useMutation(
    trpc.competitors.merge.mutationOptions({
      onSuccess: async (row) => {
        merging.reset();
        await done(t("merged", { name: row.name, count: row.moved }));
      },
    }),
  );
  // The browser's check of the schema first, then the server's refusal (a name already on the list).
  const fieldError = (
    client: { message?: string } | undefined,
    m: { error: { data?: { fieldErrors?: Record<string, string[]> } | null } | null },
    f: string,
  ) => client?.message ?? m.error?.data?.fieldErrors?.[f]?.[0];

  if (list.isPending) return <Spinner label={tc("states.loading")} />;
  if (list.isError) return <Alert>{list.error.message}</Alert>;
  const entries = list.data.list;
  const add = addForm.handleSubmit((values) => {
    setNotice(null);
    create.mutate(values);
  });
  const startRenaming = (c: { id: number; name: string }) => {
    renameFormState.reset({ name: c.name });
    rename.reset();
    setRenaming(c.id);
  };
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-500">{t("hint")}</p>
      {notice ? (
        <div className="mb-3">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <ul aria-label={t("title")} className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {entries.length === 0 ? <li className="px-3 py-2 text-sm text-slate-500">{t("empty")}</li> : null}
        {entries.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            {renaming === c.id ? (
              <form
                noValidate
                className="flex flex-1 flex-wrap items-end gap-2"
                aria-label={t("renameLabel", { name: c.name })}
                onSubmit={renameFormState.handleSubmit(({ name }) => rename.mutate({ id: c.id, name }))}
              >
                <TextField
                  label={t("newName")}
                  className="min-w-0 flex-1"
                  error={fieldError(renameFormState.formState.errors.name, rename, "name")}
                  {...renameFormState.register("name")}
                />
                <Button type="submit" size="sm" disabled={rename.isPending}>
                  {t("save")}
                </Button>
                <Button type="button" size="sm" variant="secondary" onClick={() => setRenaming(null)}>
                  {t("cancel")}
                </Button>
              </form>
            ) : (
              <>
                <span className="min-w-0 break-words">
                  {c.name} <span className="text-slate-500">· {t("deals", { count: c.deals })}</span>
                </span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("renameLabel", { name: c.name })}
                  onClick={() => startRenaming(c)}
                >
                  {t("rename")}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>

      <form onSubmit={add} noValidate className="mt-4 flex flex-wrap items-end gap-2" aria-label={t("add")}>
        <TextField
          label={t("name")}
          className="min-w-0 flex-1"
          error={fieldError(addForm.formState.errors.name, create, "name")}
          {...addForm.register("name")}
        />
        <Button type="submit" disabled={create.isPending}>
          {t("add")}
        </Button>
      </form>

      {entries.length > 1 ? (
        <form
          noValidate
          aria-label={t("mergeTitle")}
          className="mt-5 space-y-2"
          onSubmit={merging.handleSubmit((ids) => {
            setNotice(null);
            merge.mutate(ids);
          })}
        >
          <h3 className="text-sm font-medium text-slate-700">{t("mergeTitle")}</h3>
          <p className="text-xs text-slate-500">{t("mergeHint")}</p>
          <div className="flex flex-wrap items-end gap-2">
            <SelectField
              label={t("mergeFrom")}
              className="w-56"
              options={[
                { value: "", label: t("choose") },
                ...entries.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              {...merging.register("fromId")}
            />
            <SelectField
              label={t("mergeInto")}
              className="w-56"
              options={[
                { value: "", label: t("choose") },
                ...entries
                  .filter((c) => String(c.id) !== mergeFrom)
                  .map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              error={fieldError(merging.formState.errors.intoId, merge, "intoId")}
              {...merging.register("intoId")}
            />
            <Button type="submit" variant="secondary" disabled={!mergeFrom || !mergeInto || merge.isPending}>
              {t("merge")}
            </Button>
          </div>
        </form>
      ) : null}

      {list.data.others.length > 0 ? (
        <section aria-label={t("othersTitle")} className="mt-5">
          <h3 className="text-sm font-medium text-slate-700">{t("othersTitle")}</h3>
          <p className="mb-2 text-xs text-slate-500">{t("othersHint")}</p>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
            {list.data.others.map((o) => (
              <li
                key={o.name}
                className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
              >
                <span className="min-w-0 break-words">
                  {o.name} <span className="text-slate-500">· {t("deals", { count: o.deals })}</span>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={create.isPending}
                  aria-label={t("addOtherLabel", { name: o.name })}
                  onClick={() => {
                    setNotice(null);
                    create.mutate({ name: o.name });
                  }}
                >
                  {t("addOther")}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Card>
  );
}
