"use client";

// Recording feedback in a few seconds (issue #13 §1): the words first, then who, how and what about; the last
// interface and channel used are remembered on this device, so a service desk types only the words.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { AccountPicker } from "@/app/(crm)/_components/accounts/account-picker";
import {
  dueAtFromDateInput,
  fromUtcDateTimeInput,
  toUtcDateInput,
} from "@/app/(crm)/_components/activity/datetime";
import { CUSTOMER_INTERFACES, FEEDBACK_CHANNELS, SENTIMENTS, type Sentiment } from "@/db/schema";
import { useFieldErrors, useThemeLabel } from "./labels";

const DAY = 86_400_000;
const REMEMBER = "ladder.feedback.last";

type Preset = { id: number; name: string; contacts: ReadonlyArray<{ id: number; name: string }> };

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
  const [words, setWords] = useState("");
  const [contactId, setContactId] = useState("");
  const [iface, setIface] = useState<string>("sales");
  const [channel, setChannel] = useState<string>("phone");
  const [sentiment, setSentiment] = useState<Sentiment>("problem");
  const [theme, setTheme] = useState("");
  const [receivedAt, setReceivedAt] = useState("");
  const [needsAction, setNeedsAction] = useState(false);
  const [ownerId, setOwnerId] = useState("");
  const [due, setDue] = useState(() => toUtcDateInput(Date.now() + 3 * DAY));
  const [done, setDone] = useState<number | null>(null);

  useEffect(() => {
    try {
      const last = JSON.parse(localStorage.getItem(REMEMBER) ?? "{}") as { iface?: string; channel?: string };
      if (last.iface && (CUSTOMER_INTERFACES as readonly string[]).includes(last.iface)) setIface(last.iface);
      if (last.channel && (FEEDBACK_CHANNELS as readonly string[]).includes(last.channel))
        setChannel(last.channel);
    } catch {
      // A missing or damaged preference only means the defaults.
    }
  }, []);
  const themes = options.data?.themes ?? [];
  useEffect(() => {
    if (!theme && themes[0]) setTheme(themes[0]);
  }, [theme, themes]);

  const record = useMutation(
    trpc.feedback.record.mutationOptions({
      onSuccess: async (r) => {
        setDone(r.id);
        setWords("");
        setNeedsAction(false);
        localStorage.setItem(REMEMBER, JSON.stringify({ iface, channel }));
        await queryClient.invalidateQueries({ queryKey: trpc.feedback.pathKey() });
        onDone?.();
      },
    }),
  );
  const errors = useFieldErrors(record.error, [
    "accountId",
    "words",
    "contactId",
    "interface",
    "channel",
    "sentiment",
    "theme",
    "receivedAt",
    "ownerId",
    "dueAt",
    "action",
  ]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    record.mutate({
      accountId: picked?.id ?? 0,
      contactId: contactId ? Number(contactId) : null,
      words,
      interface: iface as (typeof CUSTOMER_INTERFACES)[number],
      channel: channel as (typeof FEEDBACK_CHANNELS)[number],
      sentiment,
      theme,
      receivedAt: receivedAt ? fromUtcDateTimeInput(receivedAt) : null,
      action: needsAction ? { ownerId, dueAt: dueAtFromDateInput(due) } : null,
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-3">
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
            setContactId("");
          }}
          error={errors.field("accountId")}
        />
      )}
      <TextAreaField
        label={t("record.words")}
        hint={t("record.wordsHint")}
        required
        value={words}
        onChange={(e) => setWords(e.target.value)}
        error={errors.field("words")}
        maxLength={5000}
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
              <input
                type="radio"
                name="sentiment"
                value={s}
                checked={sentiment === s}
                onChange={() => setSentiment(s)}
                className="accent-brand-600"
              />
              {t(`sentiment.${s}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("record.theme")}
          value={theme}
          onChange={(e) => setTheme(e.target.value)}
          error={errors.field("theme")}
          options={themes.map((th) => ({ value: th, label: themeLabel(th) }))}
        />
        <SelectField
          label={t("record.contact")}
          value={contactId}
          onChange={(e) => setContactId(e.target.value)}
          error={errors.field("contactId")}
          options={[
            { value: "", label: t("record.noContact") },
            ...contacts.map((c) => ({ value: String(c.id), label: c.name })),
          ]}
        />
        <SelectField
          label={t("record.interface")}
          value={iface}
          onChange={(e) => setIface(e.target.value)}
          error={errors.field("interface")}
          options={CUSTOMER_INTERFACES.map((i) => ({ value: i, label: t(`interface.${i}`) }))}
        />
        <SelectField
          label={t("record.channel")}
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          error={errors.field("channel")}
          options={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
        />
        <TextField
          label={t("record.receivedAt")}
          hint={t("record.receivedAtHint")}
          type="datetime-local"
          value={receivedAt}
          onChange={(e) => setReceivedAt(e.target.value)}
          error={errors.field("receivedAt")}
        />
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={needsAction}
          onChange={(e) => setNeedsAction(e.target.checked)}
          className="accent-brand-600"
        />
        {t("record.needsAction")}
      </label>
      {needsAction ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={t("record.owner")}
            required
            value={ownerId}
            onChange={(e) => setOwnerId(e.target.value)}
            error={errors.field("ownerId") ?? errors.field("action")}
            options={[
              { value: "", label: "—" },
              ...(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
          <TextField
            label={t("record.dueAt")}
            type="date"
            required
            value={due}
            onChange={(e) => setDue(e.target.value)}
            error={errors.field("dueAt")}
          />
        </div>
      ) : null}
      <Button type="submit" disabled={record.isPending}>
        {record.isPending ? t("record.submitting") : t("record.submit")}
      </Button>
    </form>
  );
}
