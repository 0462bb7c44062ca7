"use client";

// The steps a piece of feedback offers (the server's list for this person): owner and due date, close with
// what was done, tell the customer, turn a problem into a complaint. Each a small form in a dialog.

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField } from "@/app/_components/ui/field";
import { FormButtons } from "@/app/_components/ui/form-buttons";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { dueAtFromDateInput, toUtcDateInput } from "@/app/(crm)/_components/activity/datetime";
import { useCodeErrors } from "@/app/(crm)/_components/listening/labels";
import { Modal } from "@/app/(crm)/_components/listening/modal";
import { OwnerDueFields } from "@/app/(crm)/_components/listening/owner-due-fields";
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type ComplaintCategory,
  LOCALES,
  type Locale,
} from "@/db/schema";
import type { FeedbackAction } from "@/server/feedback/feedback.rules";
import {
  actionInput,
  closeFeedbackInput,
  MESSAGE_MAX,
  RESOLUTION_MAX,
  tellCustomerInput,
  toComplaintInput,
} from "@/server/feedback/feedback.schemas";

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

const assignForm = z.object({
  ownerId: actionInput.shape.ownerId,
  dueAt: z.string().transform(dueAtFromDateInput).pipe(actionInput.shape.dueAt),
});
const closeForm = closeFeedbackInput.omit({ id: true });
const tellForm = tellCustomerInput.omit({ id: true });
const complaintForm = toComplaintInput.omit({ id: true });

function AssignForm({ item, onClose, onDone }: { item: Item; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("feedback");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useForm<z.input<typeof assignForm>, unknown, z.output<typeof assignForm>>({
    resolver: zodResolver(assignForm),
    defaultValues: {
      ownerId: item.actionOwnerId ?? "",
      dueAt: toUtcDateInput(item.actionDueAt ?? Date.now() + 3 * DAY),
    },
  });
  const errors = useCodeErrors(form);
  const assign = useMutation(
    trpc.feedback.assign.mutationOptions({
      onSuccess: () => refresh().then(onDone),
      onError: errors.refused,
    }),
  );
  return (
    <Modal title={t("item.assignTitle")} onClose={onClose}>
      <form
        onSubmit={form.handleSubmit((values) => assign.mutate({ id: item.id, ...values }))}
        noValidate
        className="space-y-3"
        aria-label={t("item.assignTitle")}
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <OwnerDueFields register={form.register} owner="ownerId" due="dueAt" errorFor={errors.field} />
        <FormButtons pending={assign.isPending} submit={t("item.assign")} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function CloseForm({ id, onClose, onDone }: { id: number; onClose: () => void; onDone: () => void }) {
  const t = useTranslations("feedback.item");
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useForm<z.input<typeof closeForm>, unknown, z.output<typeof closeForm>>({
    resolver: zodResolver(closeForm),
    defaultValues: { resolution: "" },
  });
  const errors = useCodeErrors(form);
  const close = useMutation(
    trpc.feedback.close.mutationOptions({ onSuccess: () => refresh().then(onDone), onError: errors.refused }),
  );
  return (
    <Modal title={t("closeTitle")} onClose={onClose}>
      <form
        onSubmit={form.handleSubmit((values) => close.mutate({ id, ...values }))}
        noValidate
        className="space-y-3"
        aria-label={t("closeTitle")}
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <TextAreaField
          label={t("resolutionLabel")}
          required
          autoFocus
          error={errors.field("resolution")}
          maxLength={RESOLUTION_MAX}
          {...form.register("resolution")}
        />
        <FormButtons pending={close.isPending} submit={t("close")} onCancel={onClose} />
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
  const form = useForm<z.input<typeof tellForm>, unknown, z.output<typeof tellForm>>({
    resolver: zodResolver(tellForm),
    defaultValues: { message: "", locale },
  });
  const errors = useCodeErrors(form);
  const tell = useMutation(
    trpc.feedback.tell.mutationOptions({ onSuccess: () => refresh().then(onDone), onError: errors.refused }),
  );
  return (
    <Modal title={t("tellTitle")} onClose={onClose}>
      <form
        onSubmit={form.handleSubmit((values) => tell.mutate({ id, ...values }))}
        noValidate
        className="space-y-3"
        aria-label={t("tellTitle")}
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <TextAreaField
          label={t("message")}
          hint={email ? t("tellHint", { email }) : undefined}
          required
          autoFocus
          error={errors.field("message")}
          maxLength={MESSAGE_MAX}
          {...form.register("message")}
        />
        <SelectField
          label={t("language")}
          error={errors.field("locale")}
          options={LOCALES.map((l) => ({ value: l, label: tLang(l) }))}
          {...form.register("locale")}
        />
        <FormButtons pending={tell.isPending} submit={t("tell")} onCancel={onClose} />
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
  const form = useForm<z.input<typeof complaintForm>, unknown, z.output<typeof complaintForm>>({
    resolver: zodResolver(complaintForm),
    defaultValues: { category: item.suggestedCategory, severity: "medium", customerRequest: "" },
  });
  const errors = useCodeErrors(form);
  const make = useMutation(
    trpc.feedback.toComplaint.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onDone(r.reference, r.complaintId);
        router.refresh();
      },
      onError: errors.refused,
    }),
  );
  return (
    <Modal title={t("toComplaintTitle")} onClose={onClose}>
      <form
        onSubmit={form.handleSubmit((values) => make.mutate({ id: item.id, ...values }))}
        noValidate
        className="space-y-3"
        aria-label={t("toComplaintTitle")}
      >
        <p className="text-sm text-slate-600">{t("toComplaintBody")}</p>
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <SelectField
          label={t("category")}
          error={errors.field("category")}
          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: tCat(c) }))}
          {...form.register("category")}
        />
        <SelectField
          label={t("severity")}
          error={errors.field("severity")}
          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: tSev(s) }))}
          {...form.register("severity")}
        />
        <TextAreaField
          label={t("customerRequest")}
          error={errors.field("customerRequest")}
          maxLength={2000}
          {...form.register("customerRequest")}
        />
        <FormButtons pending={make.isPending} submit={t("toComplaint")} onCancel={onClose} />
      </form>
    </Modal>
  );
}
