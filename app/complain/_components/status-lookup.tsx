"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField, TextField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
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
  const [answered, setAnswered] = useState<"resolved" | "reopened" | null>(null);
  const status = useQuery({
    ...trpc.complaints.publicStatus.queryOptions(asked ?? { reference: "", email: "" }),
    enabled: asked !== null,
    retry: false,
    staleTime: 0,
  });
  const when = (ms: number) => format.dateTime(new Date(ms), PROMISE_FORMAT);
  // Checked by the server only: its answer ("no complaint with this reference and email") is the message, so
  // the look-up tells nobody which part was wrong.
  const form = useForm({ defaultValues: { reference: initialReference, email: "" } });
  const onSubmit = form.handleSubmit(({ reference, email }) => {
    setAnswered(null);
    setAsked({ reference: reference.trim(), email: email.trim() });
  });

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
            autoComplete="off"
            required
            {...form.register("reference")}
          />
          <TextField
            label={t("status.email")}
            type="email"
            autoComplete="email"
            required
            {...form.register("email")}
          />
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
          {answered ? (
            <Alert tone="success">
              {answered === "resolved"
                ? t("status.answer.thanksResolved")
                : t("status.answer.thanksReopened")}
            </Alert>
          ) : null}
          {c.canAnswer && asked ? <AnswerForm asked={asked} onAnswered={setAnswered} /> : null}
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

/**
 * "Yes, this is resolved" / "No, it is not": sent with the reference and email the customer looked the
 * complaint up with (the same protection as the look-up); the answer replaces the status shown.
 */
function AnswerForm({
  asked,
  onAnswered,
}: {
  asked: { reference: string; email: string };
  onAnswered: (answer: "resolved" | "reopened") => void;
}) {
  const t = useTranslations("complain");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const answer = useMutation(
    trpc.complaints.publicAnswer.mutationOptions({
      onSuccess: (status, input) => {
        queryClient.setQueryData(trpc.complaints.publicStatus.queryKey(asked), status);
        onAnswered(input.resolved ? "resolved" : "reopened");
      },
    }),
  );
  const code = answer.error?.data?.code;
  const notAwaiting = answer.error?.data?.fieldErrors?.form?.[0] === "notAwaiting";
  const error = !answer.error
    ? null
    : code === "TOO_MANY_REQUESTS"
      ? t("errors.tooMany")
      : code === "NOT_FOUND"
        ? t("status.notFound")
        : notAwaiting
          ? t("errors.notAwaiting")
          : answer.error.data?.fieldErrors?.comment
            ? t("errors.tooLong")
            : t("errors.general");
  const send = (resolved: boolean) => answer.mutate({ ...asked, resolved, comment: comment.trim() || null });
  return (
    <section
      aria-labelledby="answer-title"
      className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4"
    >
      <h3 id="answer-title" className="text-sm font-semibold text-slate-900">
        {t("status.answer.title")}
      </h3>
      <p className="text-sm text-slate-700">{t("status.answer.body")}</p>
      {error ? <Alert>{error}</Alert> : null}
      <TextAreaField
        label={t("status.answer.comment")}
        hint={t("status.answer.commentHint")}
        maxLength={2000}
        rows={3}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => send(true)} disabled={answer.isPending}>
          {t("status.answer.yes")}
        </Button>
        <Button variant="secondary" onClick={() => send(false)} disabled={answer.isPending}>
          {t("status.answer.no")}
        </Button>
      </div>
    </section>
  );
}
