"use client";

// What every workflow step's form shares (issue #14 §5): the modal dialog (focus kept inside, Esc closes), the
// call to the transition procedure with the step's action, and server refusals placed beside the field they
// name or, for the rest, in an Alert as the server's sentence.

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEventHandler, type InputHTMLAttributes, type ReactNode, useId } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";
import { useTRPC } from "@/app/_trpc/client";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import type { Locale } from "@/db/schema";
import type { CustomerMessage } from "@/server/complaints/customer-messages.rules";
import type { TransitionAction, TransitionRequest } from "@/server/complaints/step.schemas";

/** What the step forms read of the complaint. */
export type StepComplaint = {
  id: number;
  reference: string;
  locale: Locale;
  contact: { name: string | null } | null;
  handlerId: string | null;
  rootCause: string | null;
  rootCauseText: string | null;
  responsibleParty: string | null;
  remedyType: string | null;
  remedyValue: number | null;
  remedyDescription: string | null;
};

export type StepProps = {
  complaint: StepComplaint;
  onClose: () => void;
  onDone: (message: string) => void;
};

/** Submits a step's validated values with its action; server field errors land on the form's fields. */
export function useStepSubmit<TIn extends FieldValues, TOut extends object>(
  form: UseFormReturn<TIn, unknown, TOut>,
  action: TransitionAction,
  { complaint, onDone }: Pick<StepProps, "complaint" | "onDone">,
) {
  const t = useTranslations("complaints");
  const errorText = useComplaintErrors();
  const trpc = useTRPC();
  const transition = useMutation(trpc.complaints.transition.mutationOptions());
  const fields = Object.keys(form.getValues());
  const submit = form.handleSubmit(async (values) => {
    try {
      await transition.mutateAsync({ ...values, action, id: complaint.id } as TransitionRequest);
      onDone(t("dialog.done", { action: t(`action.${action}`) }));
    } catch (error) {
      const fieldErrors = (error as { data?: { fieldErrors?: Record<string, string[]> } }).data?.fieldErrors;
      for (const [field, messages] of Object.entries(fieldErrors ?? {})) {
        if (fields.includes(field) && messages?.[0]) {
          form.setError(field as Path<TIn>, { message: messages[0] }, { shouldFocus: true });
        }
      }
    }
  });
  return {
    submit,
    pending: transition.isPending || form.formState.isSubmitting,
    general: errorText.general(transition.error, fields),
    fieldError: (message: string | undefined) => errorText.field(message),
  };
}

export function StepDialog({
  action,
  onClose,
  onSubmit,
  general,
  pending,
  hint,
  children,
}: {
  action: TransitionAction;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  general: string | null;
  pending: boolean;
  hint?: string;
  children?: ReactNode;
}) {
  const t = useTranslations("complaints");
  const title = t(`action.${action}`);
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={onSubmit} noValidate className="space-y-3 p-5">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {hint ? <p className="text-sm text-slate-600">{hint}</p> : null}
        {general ? <Alert>{general}</Alert> : null}
        {children}
        <div className="flex justify-end gap-2 pt-1">
          <Button type="button" variant="secondary" onClick={() => ref.current?.close()}>
            {t("dialog.cancel")}
          </Button>
          <Button
            type="submit"
            variant={action === "closeWithoutConfirmation" ? "danger" : "primary"}
            disabled={pending}
          >
            {title}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

/** A labelled checkbox with a hint under it. */
export function CheckboxField({
  label,
  hint,
  ...props
}: { label: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="space-y-0.5">
      <label htmlFor={id} className="flex items-start gap-2 text-sm font-medium text-slate-700">
        <input
          id={id}
          type="checkbox"
          className="mt-0.5 h-4 w-4 rounded border-slate-300"
          aria-describedby={hint ? `${id}-hint` : undefined}
          {...props}
        />
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="pl-6 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The message the customer will receive, as they will read it (greeting included, so nobody adds a second). */
export function MessagePreview({ message }: { message: CustomerMessage }) {
  const t = useTranslations("complaints.dialog");
  return (
    <figure className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <figcaption className="text-xs font-medium text-slate-500">{t("preview")}</figcaption>
      <p className="mt-1 font-medium text-slate-800">{message.subject}</p>
      <p className="mt-1 whitespace-pre-line break-words text-slate-700" data-testid="message-preview">
        {message.body}
      </p>
    </figure>
  );
}

/** The customer's name and reference as the server's messages use them. */
export function customerOf(complaint: StepComplaint) {
  return { reference: complaint.reference, name: complaint.contact?.name ?? null };
}
