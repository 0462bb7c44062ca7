"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { TextAreaField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { SurveyKind } from "@/db/schema";

type Survey = {
  kind: SurveyKind;
  scale: { min: number; max: number };
  company: string;
  name: string | null;
  reference: string | null;
};

// The radios give the score as text (nothing when none is chosen); the procedure takes a number.
const schema = z.object({
  score: z.string({ error: "chooseScore" }).min(1, { error: "chooseScore" }).transform(Number),
  comment: z.string().transform((c) => c.trim() || null),
});

/** The score as a row of radio buttons (arrow keys move between them), the open question, and the thanks. */
export function SurveyForm({ token, survey }: { token: string; survey: Survey }) {
  const t = useTranslations("survey");
  const trpc = useTRPC();
  const answer = useMutation(trpc.surveys.answer.mutationOptions({ retry: false }));
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { score: "", comment: "" },
  });
  const chosen = form.watch("score");
  const missing = Boolean(form.formState.errors.score) && !chosen;
  const nps = survey.kind === "nps";
  const scores = Array.from(
    { length: survey.scale.max - survey.scale.min + 1 },
    (_, i) => survey.scale.min + i,
  );

  if (answer.isSuccess) {
    return (
      <div className="space-y-2" role="status">
        <h1 className="text-lg font-semibold text-emerald-800">{t("thanks.title")}</h1>
        <p className="text-sm text-slate-700">{t("thanks.body")}</p>
        {answer.data.followUp ? <p className="text-sm text-slate-700">{t("thanks.followUp")}</p> : null}
      </div>
    );
  }

  const error = answer.error;
  const code = error?.data?.fieldErrors?.form?.[0];
  let formError: string | null = null;
  if (error) {
    if (error.data?.code === "TOO_MANY_REQUESTS") formError = t("errors.tooMany");
    else if (code === "answered") formError = t("answered.title");
    else if (code === "expired") formError = t("expired.title");
    else if (error.data?.fieldErrors?.comment) formError = t("errors.tooLong");
    else formError = t("errors.general");
  }

  const onSubmit = form.handleSubmit(({ score, comment }) => answer.mutate({ token, score, comment }));

  const question =
    survey.kind === "csat_complaint" && survey.reference
      ? t("question.csat_complaint_ref", { reference: survey.reference })
      : t(`question.${survey.kind}`, { company: survey.company });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-slate-500">
          {t("from", { company: survey.company })}
        </p>
        {survey.name ? (
          <p className="mt-2 text-sm text-slate-700">{t("hello", { name: survey.name })}</p>
        ) : null}
      </div>
      <fieldset aria-describedby={missing ? "score-missing" : undefined}>
        <legend className="mb-3 text-lg font-semibold text-slate-900">{question}</legend>
        <div className={cn("grid gap-1.5", nps ? "grid-cols-6 sm:grid-cols-11" : "grid-cols-5")}>
          {scores.map((s) => (
            <label
              key={s}
              className={cn(
                "flex h-11 cursor-pointer items-center justify-center rounded-md border text-base font-semibold tabular-nums focus-within:ring-2 focus-within:ring-brand-500",
                chosen === String(s)
                  ? "border-brand-600 bg-brand-600 text-white"
                  : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                value={s}
                {...form.register("score")}
                className="sr-only"
                aria-label={t("scale.score", { score: s })}
              />
              {s}
            </label>
          ))}
        </div>
        <div className="mt-1.5 flex justify-between gap-4 text-xs text-slate-500">
          <span>{nps ? t("scale.npsLow") : t("scale.csatLow")}</span>
          <span className="text-right">{nps ? t("scale.npsHigh") : t("scale.csatHigh")}</span>
        </div>
        {missing ? (
          <p id="score-missing" role="alert" className="mt-2 text-sm text-red-600">
            {t("chooseScore")}
          </p>
        ) : null}
      </fieldset>
      <TextAreaField
        label={nps ? t("open.nps") : t("open.csat")}
        hint={t("open.hint")}
        maxLength={2000}
        rows={4}
        {...form.register("comment")}
      />
      {formError ? <Alert>{formError}</Alert> : null}
      <Button type="submit" className="h-11 w-full sm:w-auto" disabled={answer.isPending}>
        {answer.isPending ? t("submitting") : t("submit")}
      </Button>
      <p className="text-xs text-slate-500">{t("privacy", { company: survey.company })}</p>
    </form>
  );
}
