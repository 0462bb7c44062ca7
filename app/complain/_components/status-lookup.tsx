"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { PublicStatus } from "@/server/complaints/customer-messages.rules";
import { PROMISE_FORMAT } from "./date-format";

const TONE: Record<PublicStatus, BadgeTone> = {
  received: "slate",
  in_progress: "blue",
  awaiting_your_confirmation: "amber",
  closed: "green",
};

export function StatusLookup({ initialReference }: { initialReference: string }) {
  const t = useTranslations("complain");
  const format = useFormatter();
  const trpc = useTRPC();
  const [asked, setAsked] = useState<{ reference: string; email: string } | null>(null);
  const status = useQuery({
    ...trpc.complaints.publicStatus.queryOptions(asked ?? { reference: "", email: "" }),
    enabled: asked !== null,
    retry: false,
    staleTime: 0,
  });
  const when = (ms: number) => format.dateTime(new Date(ms), PROMISE_FORMAT);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    setAsked({
      reference: String(f.get("reference") ?? "").trim(),
      email: String(f.get("email") ?? "").trim(),
    });
  }

  const code = status.error?.data?.code;
  const fieldErrors = status.error?.data?.fieldErrors ?? {};
  let error: string | null = null;
  if (status.isError) {
    if (code === "TOO_MANY_REQUESTS") error = t("errors.tooMany");
    else if (code === "NOT_FOUND") error = t("status.notFound");
    else if (fieldErrors.email) error = t("errors.email");
    else if (fieldErrors.reference) error = t("errors.required");
    else error = t("errors.general");
  }
  const c = status.data;

  return (
    <div className="space-y-5">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t("status.reference")}
            name="reference"
            defaultValue={initialReference}
            autoComplete="off"
            required
          />
          <TextField label={t("status.email")} name="email" type="email" autoComplete="email" required />
        </div>
        <Button type="submit" disabled={status.isFetching}>
          {status.isFetching ? t("status.submitting") : t("status.submit")}
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {c && !status.isError ? (
        <section aria-label={t("status.result", { reference: c.reference })} className="space-y-3">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-mono text-lg font-semibold">{c.reference}</h2>
            <Badge tone={TONE[c.status]}>{t(`status.state.${c.status}`)}</Badge>
          </div>
          <ul className="space-y-0.5 text-sm text-slate-600">
            <li>{t("status.received", { date: when(c.receivedAt) })}</li>
            {c.closedAt ? (
              <li>{t("status.closedAt", { date: when(c.closedAt) })}</li>
            ) : (
              <>
                {c.acknowledgedAt ? null : <li>{t("status.replyBy", { date: when(c.replyBy) })}</li>}
                <li>{t("status.resolveBy", { date: when(c.resolveBy) })}</li>
              </>
            )}
          </ul>
          <h3 className="pt-2 text-sm font-semibold text-slate-800">{t("status.replies")}</h3>
          {c.replies.length === 0 ? (
            <p className="text-sm text-slate-500">{t("status.noReplies")}</p>
          ) : (
            <ol className="space-y-3">
              {c.replies.map((r, i) => (
                <li key={i} className="rounded-md border border-slate-200 bg-slate-50 p-3">
                  <p className="text-xs text-slate-500">{when(r.at)}</p>
                  <p className="mt-1 text-sm whitespace-pre-line">{r.message}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
      <Link href="/complain" className="text-sm text-brand-700 underline">
        {t("status.fileOne")}
      </Link>
    </div>
  );
}
