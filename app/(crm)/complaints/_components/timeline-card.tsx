"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useMoney } from "@/app/_components/report/format";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import { CHECKLIST_ITEMS, type ChecklistItem } from "@/db/schema";
import type { TimelineEntry } from "@/server/complaints/complaint-events.queries";
import { addNoteInput } from "@/server/complaints/complaints.schemas";
import { useRootCauseLabel } from "./root-cause-label";

/** Every event with who and when; internal notes and replies to the customer marked as such. */
export function TimelineCard({
  complaintId,
  entries,
  canAddNote,
  canReply,
}: {
  complaintId: number;
  entries: TimelineEntry[];
  canAddNote: boolean;
  canReply: boolean;
}) {
  const t = useTranslations("complaints");
  const format = useFormatter();
  const textOf = useEventText();
  return (
    <Card title={t("detail.timeline")}>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">{t("timeline.empty")}</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="border-l-2 border-slate-200 pl-3">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-800">{t(`timeline.kind.${e.kind}`)}</span>
                {e.kind === "note" ? <Badge tone="slate">{t("timeline.internal")}</Badge> : null}
                {e.isPublic ? <Badge tone="blue">{t("timeline.public")}</Badge> : null}
                {e.kind === "breach" ? <Badge tone="red">✕ {t("clock.state.breached")}</Badge> : null}
              </div>
              <p className="text-xs text-slate-500">
                {e.actorName ??
                  // Status moves and confirmations without a person are the customer's, from the status page.
                  (e.kind === "status" || e.kind === "confirmation"
                    ? t("timeline.customer")
                    : t("timeline.system"))}{" "}
                ·{" "}
                <time dateTime={new Date(e.at).toISOString()}>
                  {format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}
                </time>
              </p>
              {textOf(e) ? (
                <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{textOf(e)}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {canAddNote ? <NoteForm complaintId={complaintId} canReply={canReply} /> : null}
    </Card>
  );
}

/** The event's text: status moves and the coded messages (checklist, breach, routing) in words. */
function useEventText() {
  const t = useTranslations("complaints");
  const money = useMoney();
  const rootCauseLabel = useRootCauseLabel();
  // Findings, remedies and confirmations are recorded as "code · code · free text".
  const coded = (msg: string, first: (v: string) => string, second: (v: string) => string) => {
    const [a = "", b = "", ...rest] = msg.split(" · ");
    return [a && first(a), b && second(b), rest.join(" · ")].filter(Boolean).join(" · ");
  };
  const known = (key: string, value: string) =>
    t.has(`${key}.${value}` as "channel.phone") ? t(`${key}.${value}` as "channel.phone") : value;
  return (e: TimelineEntry): string | null => {
    const status = (s: string) => t(`status.${s as "received"}`);
    const moved =
      e.fromStatus && e.toStatus
        ? t("timeline.moved", { from: status(e.fromStatus), to: status(e.toStatus) })
        : e.toStatus
          ? status(e.toStatus)
          : null;
    const msg = e.message ?? "";
    switch (e.kind) {
      case "checklist": {
        const [item, done] = msg.split(":");
        if (!item || !(CHECKLIST_ITEMS as readonly string[]).includes(item)) return msg;
        const label = t(`checklist.${item as ChecklistItem}`);
        return done === "done"
          ? t("timeline.checkDone", { item: label })
          : t("timeline.checkUndone", { item: label });
      }
      case "breach":
        return msg === "acknowledge" || msg === "resolve" ? t(`timeline.breach.${msg}`) : msg;
      case "routed":
        return t.has(`department.${msg}` as "department.sales") ? t(`department.${msg as "sales"}`) : msg;
      case "classified": {
        const [what, value] = msg.split(":");
        if (what === "category" && value)
          return `${t("dialog.category")}: ${t(`category.${value as "other"}`)}`;
        if (what === "severity" && value)
          return `${t("dialog.severity")}: ${t(`severity.${value as "low"}`)}`;
        return msg;
      }
      case "findings":
        return coded(msg, rootCauseLabel, (v) => known("responsibleParty", v));
      case "remedy":
        return coded(
          msg,
          (v) => known("remedyType", v),
          (v) => (/^\d+$/.test(v) ? money(Number(v)) : v),
        );
      case "confirmation": {
        const [channel = "", ...note] = msg.split(" · ");
        return [known("channel", channel), note.join(" · ")].filter(Boolean).join(" · ");
      }
      case "created":
        return t.has(`channel.${msg}` as "channel.phone")
          ? `${t("detail.channel")}: ${t(`channel.${msg as "phone"}`)}`
          : msg;
      default:
        return [moved, msg].filter(Boolean).join(" — ") || null;
    }
  };
}

/** An internal note, or (for those who may) a reply to the customer; the procedure's schema checks the text. */
function noteForm(complaintId: number) {
  return z
    .object({ text: z.string(), kind: z.enum(["internal", "reply"]) })
    .transform(
      (v): z.input<typeof addNoteInput> => ({ id: complaintId, text: v.text, isPublic: v.kind === "reply" }),
    )
    .pipe(addNoteInput);
}

function NoteForm({ complaintId, canReply }: { complaintId: number; canReply: boolean }) {
  const t = useTranslations("complaints.note");
  const errorText = useComplaintErrors();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const schema = noteForm(complaintId);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { text: "", kind: "internal" },
  });
  const isPublic = form.watch("kind") === "reply";
  const add = useMutation(
    trpc.complaints.addNote.mutationOptions({
      onSuccess: async () => {
        form.resetField("text");
        setSaved(true);
        await queryClient.invalidateQueries(trpc.complaints.get.queryFilter({ id: complaintId }));
      },
    }),
  );
  const err = errorText.field(form.formState.errors.text?.message ?? add.error?.data?.fieldErrors?.text?.[0]);
  const general = errorText.general(add.error, ["text"]);
  const submit = form.handleSubmit((input) => {
    setSaved(false);
    add.mutate(input);
  });
  return (
    <form onSubmit={submit} noValidate className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <h3 className="text-sm font-semibold text-slate-800">{canReply ? t("title") : t("internal")}</h3>
      {general ? <Alert>{general}</Alert> : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      {canReply ? (
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="sr-only">{t("title")}</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="internal" {...form.register("kind")} />
            {t("internal")}
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" value="reply" {...form.register("kind")} />
            {t("reply")}
          </label>
        </fieldset>
      ) : null}
      <TextAreaField
        label={t("text")}
        hint={isPublic ? t("replyHint") : t("internalHint")}
        required
        error={err}
        {...form.register("text")}
      />
      <Button type="submit" size="sm" disabled={add.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}
