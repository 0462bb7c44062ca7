"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { LEVELS } from "@/db/schema";
import { type AccountSelection, BULK_RUNGS } from "@/server/accounts/accounts.schemas";
import { DISQUALIFY_REASONS } from "@/server/ladder/moves.rules";

type Field = "ownerId" | "level" | "segment" | "rung";
type Outcome = { changed: number; skipped: number };
export type Picked = { kind: "ids"; ids: Set<number> } | { kind: "all"; except: Set<number> };

/** The bar above the list while rows are selected: what is selected, and one change for all of them. */
export function BulkBar({
  picked,
  selection,
  count,
  canAssign,
  owners,
  segments,
  exportHref,
  onClear,
  onDone,
}: {
  picked: Picked;
  selection: AccountSelection;
  count: { count: number; more: boolean } | undefined;
  canAssign: boolean;
  owners: Array<{ id: string; name: string }>;
  segments: string[];
  /** The CSV export of the selected rows. */
  exportHref: string;
  onClear: () => void;
  /** After a change: how many accounts it changed, and how many a rung move left (the list says so). */
  onDone: (outcome: Outcome) => void;
}) {
  const t = useTranslations("accounts.list.bulk");
  const tLevel = useTranslations("enums.level");
  const tRung = useTranslations("enums.rung");
  const tLadder = useTranslations("accounts.ladderPath");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [field, setField] = useState<Field>(canAssign ? "ownerId" : "level");
  const [value, setValue] = useState("");
  const [reason, setReason] = useState("");
  const [disqualifyReason, setDisqualifyReason] = useState("");
  const change = useMutation(
    trpc.accounts.bulkChange.mutationOptions({
      onSuccess: (result) => {
        onDone({ changed: result.changed, skipped: result.skipped });
        void queryClient.invalidateQueries({ queryKey: trpc.accounts.pathKey() });
      },
    }),
  );

  const selectedText =
    picked.kind === "ids"
      ? t("selected", { count: picked.ids.size })
      : count?.more
        ? t("allMatchingMore", { count: count.count })
        : t("allMatching", { count: Math.max(0, (count?.count ?? 0) - picked.except.size) });
  const ready =
    field === "segment" ||
    (value !== "" &&
      (field !== "rung" || (reason.trim() !== "" && (value !== "disqualified" || disqualifyReason !== ""))));
  const apply = () => {
    const changeInput =
      field === "rung"
        ? {
            field,
            value: value as (typeof BULK_RUNGS)[number],
            reason,
            ...(value === "disqualified"
              ? { disqualifyReason: disqualifyReason as (typeof DISQUALIFY_REASONS)[number] }
              : {}),
          }
        : field === "level"
          ? { field, value: value as (typeof LEVELS)[number] }
          : { field, value };
    change.mutate({ selection, change: changeInput });
  };

  return (
    <section
      aria-label={t("region")}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-brand-200 bg-brand-50 p-3 text-sm"
    >
      <p className="basis-full font-medium text-slate-800" aria-live="polite">
        {selectedText}
      </p>
      <SelectField
        label={t("action")}
        value={field}
        onChange={(e) => {
          setField(e.target.value as Field);
          setValue("");
        }}
        options={[
          ...(canAssign ? [{ value: "ownerId", label: t("owner") }] : []),
          { value: "level", label: t("level") },
          { value: "segment", label: t("segment") },
          { value: "rung", label: t("rung") },
        ]}
      />
      {field === "ownerId" ? (
        <SelectField
          label={t("newOwner")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          options={[
            { value: "", label: t("choose") },
            ...owners.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
      ) : field === "level" ? (
        <SelectField
          label={t("newLevel")}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          options={[
            { value: "", label: t("choose") },
            ...LEVELS.map((l) => ({ value: l, label: tLevel(l) })),
          ]}
        />
      ) : field === "rung" ? (
        <>
          <SelectField
            label={t("newRung")}
            hint={t("rungHint")}
            className="max-w-xs"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            options={[
              { value: "", label: t("choose") },
              ...BULK_RUNGS.map((r) => ({ value: r, label: tRung(r) })),
            ]}
          />
          {value === "disqualified" ? (
            <SelectField
              label={t("disqualifyReason")}
              value={disqualifyReason}
              onChange={(e) => setDisqualifyReason(e.target.value)}
              options={[
                { value: "", label: t("choose") },
                ...DISQUALIFY_REASONS.map((r) => ({ value: r, label: tLadder(`disqualify.${r}`) })),
              ]}
            />
          ) : null}
          <TextField
            label={t("reason")}
            hint={t("reasonHint")}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </>
      ) : (
        <>
          <TextField
            label={t("newSegment")}
            hint={t("segmentHint")}
            value={value}
            maxLength={100}
            list="bulk-segments"
            onChange={(e) => setValue(e.target.value)}
          />
          <datalist id="bulk-segments">
            {segments.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </>
      )}
      <Button onClick={apply} disabled={!ready || change.isPending}>
        {change.isPending ? t("applying") : t("apply")}
      </Button>
      <Button variant="ghost" onClick={onClear}>
        {t("clear")}
      </Button>
      <a
        className="self-center font-medium text-brand-700 underline-offset-2 hover:underline"
        href={exportHref}
        download
      >
        {t("exportSelected")}
      </a>
      {change.isError ? <Alert>{t("failed", { message: change.error.message })}</Alert> : null}
    </section>
  );
}
