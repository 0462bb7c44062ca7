"use client";

// Recording feedback in a few seconds (issue #13 §1): the words first, then who, how and what about; the last
// interface and channel used are remembered on this device, so a service desk types only the words.

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import {
  dueAtFromDateInput,
  fromUtcDateTimeInput,
  toUtcDateInput,
} from "@/app/(crm)/_components/activity/datetime";
import { CUSTOMER_INTERFACES, FEEDBACK_CHANNELS, SENTIMENTS } from "@/db/schema";
import { type RecordFeedbackInput, recordFeedbackInput, WORDS_MAX } from "@/server/feedback/feedback.schemas";
import { useCodeErrors, useThemeLabel } from "./labels";
import { OwnerDueFields } from "./owner-due-fields";

const DAY = 86_400_000;
const REMEMBER = "ladder.feedback.last";

type Preset = { id: number; name: string; contacts: ReadonlyArray<{ id: number; name: string }> };

/** The form's text as the record procedure's input; its refusals land on the form's own fields. */
const feedbackForm = z
  .object({
    accountId: z.number(),
    contactId: z.string(),
    words: z.string(),
    interface: z.string(),
    channel: z.string(),
    sentiment: z.string(),
    theme: z.string(),
    receivedAt: z.string(),
    needsAction: z.boolean(),
    ownerId: z.string(),
    dueAt: z.string(),
  })
  .transform((v, ctx) => {
    const parsed = recordFeedbackInput.safeParse({
      accountId: v.accountId,
      contactId: v.contactId ? Number(v.contactId) : null,
      words: v.words,
      interface: v.interface,
      channel: v.channel,
      sentiment: v.sentiment,
      theme: v.theme,
      receivedAt: v.receivedAt ? fromUtcDateTimeInput(v.receivedAt) : null,
      action: v.needsAction ? { ownerId: v.ownerId, dueAt: dueAtFromDateInput(v.dueAt) } : null,
    });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      // The action's owner and due date are fields of their own on the form.
      const path = issue.path[0] === "action" && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
      ctx.addIssue({ code: "custom", message: issue.message, path });
    }
    return z.NEVER;
  });
type FeedbackFormInput = z.input<typeof feedbackForm>;

export function FeedbackForm({ account, onDone }: { account?: Preset; onDone?: () => void }) {
  const t = useTranslations("feedback");
  const themeLabel = useThemeLabel();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.feedback.options.queryOptions());
  const [picked, setPicked] = useState<{ id: number; name: string } | null>(account ?? null);
  const chosen = useQuery({
    ...trpc.accounts.get.queryOptions({ id: picked?.id ?? 0 }),
    enabled: !account && picked !== null,
  });
  const contacts = account?.contacts ?? chosen.data?.contacts ?? [];
  const [done, setDone] = useState<number | null>(null);
  const form = useForm<FeedbackFormInput, unknown, RecordFeedbackInput>({
    resolver: zodResolver(feedbackForm),
    defaultValues: {
      accountId: account?.id ?? 0,
      contactId: "",
      words: "",
      interface: "sales",
      channel: "phone",
      sentiment: "problem",
      theme: "",
      receivedAt: "",
      needsAction: false,
      ownerId: "",
      dueAt: toUtcDateInput(Date.now() + 3 * DAY),
    },
  });
  const errors = useCodeErrors(form);
  const { setValue, getValues } = form;

  useEffect(() => {
    try {
      const last = JSON.parse(localStorage.getItem(REMEMBER) ?? "{}") as { iface?: string; channel?: string };
      if (last.iface && (CUSTOMER_INTERFACES as readonly string[]).includes(last.iface))
        setValue("interface", last.iface);
      if (last.channel && (FEEDBACK_CHANNELS as readonly string[]).includes(last.channel))
        setValue("channel", last.channel);
    } catch {
      // A missing or damaged preference only means the defaults.
    }
  }, [setValue]);
  const themes = options.data?.themes ?? [];
  useEffect(() => {
    if (!getValues("theme") && themes[0]) setValue("theme", themes[0]);
  }, [getValues, setValue, themes]);

  const record = useMutation(
    trpc.feedback.record.mutationOptions({
      onSuccess: async (r, sent) => {
        setDone(r.id);
        form.reset({ ...getValues(), words: "", needsAction: false });
        localStorage.setItem(REMEMBER, JSON.stringify({ iface: sent.interface, channel: sent.channel }));
        await queryClient.invalidateQueries({ queryKey: trpc.feedback.pathKey() });
        onDone?.();
      },
      onError: errors.refused,
    }),
  );
  const sentiment = form.watch("sentiment");
  const needsAction = form.watch("needsAction");
  const submit = form.handleSubmit((values) => {
    setDone(null);
    record.mutate(values);
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("record.title")}>
      {done ? (
        <Alert tone="success">
          {t("record.recorded")}{" "}
          <Link className="font-medium underline" href={`/feedback/items/${done}`}>
            {t("record.open")}
          </Link>
        </Alert>
      ) : null}
      {errors.general ? <Alert>{errors.general}</Alert> : null}
      {account ? null : (
        <AccountPicker
          namespace="feedback.picker"
          accountId={picked?.id ?? null}
          accountName={picked?.name ?? null}
          onChange={(a) => {
            setPicked(a);
            setValue("accountId", a?.id ?? 0, { shouldValidate: form.formState.isSubmitted });
            setValue("contactId", "");
          }}
          error={errors.field("accountId")}
        />
      )}
      <TextAreaField
        label={t("record.words")}
        hint={t("record.wordsHint")}
        required
        error={errors.field("words")}
        maxLength={WORDS_MAX}
        {...form.register("words")}
        rows={3}
      />
      <fieldset>
        <legend className="mb-1 block text-sm font-medium text-slate-700">{t("record.sentiment")}</legend>
        <div className="flex flex-wrap gap-2">
          {SENTIMENTS.map((s) => (
            <label
              key={s}
              className={cn(
                "flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm focus-within:ring-2 focus-within:ring-brand-500",
                sentiment === s ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white",
              )}
            >
              <input type="radio" value={s} className="accent-brand-600" {...form.register("sentiment")} />
              {t(`sentiment.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("record.theme")}
          error={errors.field("theme")}
          {...form.register("theme")}
          options={themes.map((th) => ({ value: th, label: themeLabel(th) }))}
        />
        <SelectField
          label={t("record.contact")}
          error={errors.field("contactId")}
          {...form.register("contactId")}
          options={[
            { value: "", label: t("record.noContact") },
            ...contacts.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
        />
        <SelectField
          label={t("record.interface")}
          error={errors.field("interface")}
          {...form.register("interface")}
          options={CUSTOMER_INTERFACES.map((i) => ({ value: i, label: t(`interface.${i}`) }))}
        />
        <SelectField
          label={t("record.channel")}
          error={errors.field("channel")}
          {...form.register("channel")}
          options={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <TextField
          label={t("record.receivedAt")}
          hint={t("record.receivedAtHint")}
          type="datetime-local"
          error={errors.field("receivedAt")}
          {...form.register("receivedAt")}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" className="accent-brand-600" {...form.register("needsAction")} />
        {t("record.needsAction")}
      </label>
      {needsAction ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <OwnerDueFields register={form.register} owner="ownerId" due="dueAt" errorFor={errors.field} />
        </div>
      ) : null}
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? t("record.submitting") : t("record.submit")}
      </Button>
    </form>
  );
}
