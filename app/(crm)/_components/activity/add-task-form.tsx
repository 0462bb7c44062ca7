"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { type CreateTaskInput, createTaskInput } from "@/server/activities/tasks.schemas";
import { dueAtFromDateInput, toUtcDateInput } from "./datetime";
import { serverFieldErrors, useErrorText } from "./form-errors";

const DAY_MS = 86_400_000;

function freshValues(accountId: number): CreateTaskInput {
  // Tomorrow by default: a follow-up is usually for the next working step, not the same hour.
  return {
    accountId,
    title: "",
    dueAt: dueAtFromDateInput(toUtcDateInput(Date.now() + DAY_MS)),
    assigneeId: null,
  };
}

export function AddTaskForm({ accountId, onAdded }: { accountId: number; onAdded: () => void }) {
  const t = useTranslations("activities.tasks");
  const errorText = useErrorText();
  const trpc = useTRPC();
  const [notice, setNotice] = useState<string | null>(null);
  const me = useQuery(trpc.users.me.queryOptions());
  const assignees = useQuery(trpc.tasks.assignees.queryOptions({ accountId }));
  const others = (assignees.data ?? []).filter((a) => a.id !== me.data?.id);
  const form = useForm({ resolver: zodResolver(createTaskInput), defaultValues: freshValues(accountId) });
  const { errors } = form.formState;
  const create = useMutation(trpc.tasks.create.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setNotice(null);
    try {
      await create.mutateAsync(values);
      form.reset(freshValues(accountId));
      setNotice(t("added"));
      onAdded();
    } catch (error) {
      for (const [field, message] of serverFieldErrors(error as Parameters<typeof serverFieldErrors>[0])) {
        form.setError(field as keyof CreateTaskInput, { message }, { shouldFocus: true });
      }
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t("addTitle")} className="space-y-3">
      <h3 className="text-sm font-medium text-slate-700">{t("addTitle")}</h3>
      {create.error && serverFieldErrors(create.error).length === 0 ? (
        <Alert>{errorText.general(create.error)}</Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <TextField
        label={t("taskTitle")}
        placeholder={t("taskTitlePlaceholder")}
        required
        maxLength={200}
        error={errorText.field(errors.title?.message)}
        data-palette-target="task"
        {...form.register("title")}
      />
      <div className="flex flex-wrap gap-3 *:min-w-48 *:flex-1">
        <Controller
          control={form.control}
          name="dueAt"
          render={({ field, fieldState }) => (
            <TextField
              label={t("due")}
              hint={t("dueHint")}
              type="date"
              required
              {...{ name: field.name, ref: field.ref, onBlur: field.onBlur }}
              value={Number.isNaN(field.value) ? "" : toUtcDateInput(field.value)}
              onChange={(e) => field.onChange(dueAtFromDateInput(e.target.value))}
              error={errorText.field(fieldState.error?.message)}
            />
          )}
        />
        {others.length > 0 ? (
          <Controller
            control={form.control}
            name="assigneeId"
            render={({ field, fieldState }) => (
              <SelectField
                label={t("assignee")}
                options={[
                  { value: "", label: t("me", { name: me.data?.name ?? "" }) },
                  ...others.map((a) => ({
                    value: a.id,
                    label: a.isAccountOwner ? t("accountOwner", { name: a.name }) : a.name,
                  })),
                ]}
                {...{ name: field.name, ref: field.ref, onBlur: field.onBlur }}
                value={field.value ?? ""}
                onChange={(e) => field.onChange(e.target.value === "" ? null : e.target.value)}
                error={errorText.field(fieldState.error?.message)}
              />
            )}
          />
        ) : null}
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
