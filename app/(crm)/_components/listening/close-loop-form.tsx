"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { useFieldErrors } from "./labels";
import { Modal } from "./modal";

/** "Close the loop" on a survey answer: what was done and what the customer said; ticks the follow-up off. */
export function CloseLoopButton({ surveyId }: { surveyId: number }) {
  const t = useTranslations("feedback.surveysCard");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const close = useMutation(
    trpc.surveys.closeLoop.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() }),
        ]);
      },
    }),
  );
  const errors = useFieldErrors(close.error, ["note"]);
  function submit(event: FormEvent) {
    event.preventDefault();
    close.mutate({ surveyId, note });
  }
  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {t("closeLoop")}
      </Button>
      {open ? (
        <Modal title={t("closeLoopTitle")} onClose={() => setOpen(false)}>
          <form onSubmit={submit} noValidate className="space-y-3">
            {errors.general ? <Alert>{errors.general}</Alert> : null}
            <TextAreaField
              label={t("note")}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={errors.field("note")}
              maxLength={2000}
              autoFocus
            />
            <div className="flex gap-2">
              <Button type="submit" disabled={close.isPending}>
                {t("closeLoop")}
              </Button>
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {tCommon("actions.cancel")}
              </Button>
            </div>
          </form>
        </Modal>
      ) : null}
    </>
  );
}
