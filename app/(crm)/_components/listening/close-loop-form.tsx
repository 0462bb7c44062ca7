"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { FormButtons } from "@/app/_components/ui/form-buttons";
import { useTRPC } from "@/app/_trpc/client";
import { closeLoopInput, NOTE_MAX } from "@/server/surveys/surveys.schemas";
import { useCodeErrors } from "./labels";
import { Modal } from "./modal";

const closeLoopForm = closeLoopInput.omit({ surveyId: true });

/** "Close the loop" on a survey answer: what was done and what the customer said; ticks the follow-up off. */
export function CloseLoopButton({ surveyId }: { surveyId: number }) {
  const t = useTranslations("feedback.surveysCard");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {t("closeLoop")}
      </Button>
      {open ? <CloseLoopForm surveyId={surveyId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CloseLoopForm({ surveyId, onClose }: { surveyId: number; onClose: () => void }) {
  const t = useTranslations("feedback.surveysCard");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof closeLoopForm>, unknown, z.output<typeof closeLoopForm>>({
    resolver: zodResolver(closeLoopForm),
    defaultValues: { note: "" },
  });
  const errors = useCodeErrors(form);
  const close = useMutation(
    trpc.surveys.closeLoop.mutationOptions({
      onSuccess: async () => {
        onClose();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
        ]);
      },
      onError: errors.refused,
    }),
  );
  return (
    <Modal title={t("closeLoopTitle")} onClose={onClose}>
      <form
        onSubmit={form.handleSubmit((values) => close.mutate({ surveyId, ...values }))}
        noValidate
        className="space-y-3"
        aria-label={t("closeLoopTitle")}
      >
        {errors.general ? <Alert>{errors.general}</Alert> : null}
        <TextAreaField
          label={t("note")}
          required
          error={errors.field("note")}
          maxLength={NOTE_MAX}
          autoFocus
          {...form.register("note")}
        />
        <FormButtons pending={close.isPending} submit={t("closeLoop")} onCancel={onClose} />
      </form>
    </Modal>
  );
}
