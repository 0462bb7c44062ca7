"use client";

// The steps a piece of feedback offers (the server's list for this person): owner and due date, close with
// what was done, tell the customer, turn a problem into a complaint. Each a small form in a dialog.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { dueAtFromDateInput, toUtcDateInput } from "@/app/(crm)/_components/activity/datetime";
import { useFieldErrors } from "@/app/(crm)/_components/listening/labels";
import { Modal } from "@/app/(crm)/_components/listening/modal";
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type ComplaintCategory, type Locale } from "@/db/schema";
import type { FeedbackAction } from "@/server/feedback/feedback.rules";

const DAY = 86_400_000;

type Item = {
  id: number;
  actions: FeedbackAction[];
  status: "noted" | "open" | "closed";
  actionOwnerId: string | null;
  actionDueAt: number | null;
  contactName: string | null;
  suggestedCategory: ComplaintCategory;
};

export function FeedbackActions({
  item,
  email,
  locale,
}: {
  item: Item;
  email: string | null;
  locale: Locale;
}) {
  const t = useTranslations("feedback.item");
  const [open, setOpen] = useState<FeedbackAction | null>(null);
  const [notice, setNotice] = useState<{ text: string; complaintId?: number } | null>(null);
  const done = (text: string, complaintId?: number) => {
    setOpen(null);
    setNotice({ text, complaintId });
  };
  const label: Record<FeedbackAction, string> = {
    assign: item.status === "open" ? t("reassign") : t("assign"),
    close: t("close"),
    tell: t("tell"),
    toComplaint: t("toComplaint"),
    reopen: "",
  };
  const shown = item.actions.filter((a) => a !== "reopen");
  return (
    <div className="space-y-3">
      {notice ? (
        <Alert tone="success">
          {notice.text}{" "}
          {notice.complaintId ? (
            <Link className="font-medium underline" href={`/complaints/${notice.complaintId}`}>
              {t("openComplaint")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      {shown.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noActions")}</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {shown.map((a, i) => (
            <Button key={a} variant={i === 0 ? "primary" : "secondary"} size="sm" onClick={() => setOpen(a)}>
              {label[a]}
            </Button>
          ))}
        </div>
      )}
      {open === "assign" ? (
        <AssignForm item={item} onClose={() => setOpen(null)} onDone={() => done(t("assigned"))} />
      ) : null}
      {open === "close" ? (
        <CloseForm id={item.id} onClose={() => setOpen(null)} onDone={() => done(t("closed"))} />
      ) : null}
      {open === "tell" ? (
        <TellForm
          id={item.id}
          email={email}
          locale={locale}
          onClose={() => setOpen(null)}
          onDone={() => done(t("sent"))}
        />
      ) : null}
      {open === "toComplaint" ? (
        <ToComplaintForm
          item={item}
          onClose={() => setOpen(null)}
          onDone={(ref, id) => done(t("created", { reference: ref }), id)}
        />
      ) : null}
    </div>
  );
}

function useRefresh() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.feedback.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
    ]);
  };
}

function Buttons({ pending, submit, onClose }: { pending: boolean; submit: string; onClose: () => void }) {
  const tCommon = useTranslations("common");
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
      <Button variant="secondary" onClick={onClose}>
        {tCommon("actions.cancel")}
      </Button>
    </div>
  );
}

function AssignForm({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("feedback");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const options = useQuery(trpc.feedback.options.queryOptions());
  const [ownerId, setOwnerId] = useState(item.actionOwnerId ?? "");
  const [due, setDue] = useState(toUtcDateInput(item.actionDueAt ?? Date.now() + 3 * DAY));
  const assign = useMutation(
    trpc.feedback.assign.mutationOptions({ onSuccess: () => refresh().then(onDone) }),
  );
  const errors = useFieldErrors(assign.error, ["ownerId", "dueAt"]);
  function submit(e: FormEvent) {
    e.preventDefault();
    assign.mutate({ id: item.id, ownerId, dueAt: dueAtFromDateInput(due) });
  }
  return (
    <Modal title={t("item.assignTitle")} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-3">
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <SelectField
          label={t("record.owner")}
          required
          value={ownerId}
          onChange={(e) => setOwnerId(e.target.value)}
          error={errors.field("ownerId")}
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
        <Buttons pending={assign.isPending} submit={t("item.assign")} onClose={onClose} />
      </form>
    </Modal>
  );
}

function CloseForm({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("feedback.item");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [resolution, setResolution] = useState("");
  const close = useMutation(trpc.feedback.close.mutationOptions({ onSuccess: () => refresh().then(onDone) }));
  const errors = useFieldErrors(close.error, ["resolution"]);
  return (
    <Modal title={t("closeTitle")} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          close.mutate({ id, resolution });
        }}
        noValidate
        className="space-y-3"
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <TextAreaField
          label={t("resolutionLabel")}
          required
          autoFocus
          value={resolution}
          onChange={(e) => setResolution(e.target.value)}
          error={errors.field("resolution")}
          maxLength={2000}
        />
        <Buttons pending={close.isPending} submit={t("close")} onClose={onClose} />
      </form>
    </Modal>
  );
}

function TellForm({
  id,
  email,
  locale,
  onClose,
  onDone,
}: {
  id: number;
  email: string | null;
  locale: Locale;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useTranslations("feedback.item");
  const tLang = useTranslations("common.languages");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [message, setMessage] = useState("");
  const [lang, setLang] = useState<Locale>(locale);
  const tell = useMutation(trpc.feedback.tell.mutationOptions({ onSuccess: () => refresh().then(onDone) }));
  const errors = useFieldErrors(tell.error, ["message"]);
  return (
    <Modal title={t("tellTitle")} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          tell.mutate({ id, message, locale: lang });
        }}
        noValidate
        className="space-y-3"
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <TextAreaField
          label={t("message")}
          hint={email ? t("tellHint", { email }) : undefined}
          required
          autoFocus
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={errors.field("message")}
          maxLength={5000}
        />
        <SelectField
          label={t("language")}
          value={lang}
          onChange={(e) => setLang(e.target.value as Locale)}
          options={[
            { value: "en", label: tLang("en") },
            { value: "zh", label: tLang("zh") },
          ]}
        />
        <Buttons pending={tell.isPending} submit={t("tell")} onClose={onClose} />
      </form>
    </Modal>
  );
}

function ToComplaintForm({
  item,
  onClose,
  onDone,
}: {
  item: Item;
  onClose: () => void;
  onDone: (reference: string, id: number) => void;
}) {
  const t = useTranslations("feedback.item");
  const tCat = useTranslations("complaints.category");
  const tSev = useTranslations("complaints.severity");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const router = useRouter();
  const [category, setCategory] = useState<ComplaintCategory>(item.suggestedCategory);
  const [severity, setSeverity] = useState<(typeof COMPLAINT_SEVERITIES)[number]>("medium");
  const [request, setRequest] = useState("");
  const make = useMutation(
    trpc.feedback.toComplaint.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onDone(r.reference, r.complaintId);
        router.refresh();
      },
    }),
  );
  const errors = useFieldErrors(make.error, ["category", "severity", "customerRequest"]);
  return (
    <Modal title={t("toComplaintTitle")} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          make.mutate({ id: item.id, category, severity, customerRequest: request || null });
        }}
        noValidate
        className="space-y-3"
      >
        <p className="text-sm text-slate-600">{t("toComplaintBody")}</p>
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <SelectField
          label={t("category")}
          value={category}
          onChange={(e) => setCategory(e.target.value as ComplaintCategory)}
          error={errors.field("category")}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: tCat(c) }))}
        />
        <SelectField
          label={t("severity")}
          value={severity}
          onChange={(e) => setSeverity(e.target.value as (typeof COMPLAINT_SEVERITIES)[number])}
          error={errors.field("severity")}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))}
        />
        <TextAreaField
          label={t("customerRequest")}
          value={request}
          onChange={(e) => setRequest(e.target.value)}
          error={errors.field("customerRequest")}
          maxLength={2000}
        />
        <Buttons pending={make.isPending} submit={t("toComplaint")} onClose={onClose} />
      </form>
    </Modal>
  );
}
