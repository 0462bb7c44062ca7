"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { COMPLAINT_CATEGORIES, type Locale } from "@/db/schema";
import { publicComplaintInput } from "@/server/complaints/complaints.schemas";
import { PROMISE_FORMAT } from "./date-format";

type ErrorCode = "required" | "tooLong" | "email" | "spam" | "expired" | "used" | "tooMany" | "general";
const FIELD_CODES: readonly string[] = ["required", "tooLong", "email"];

export function ComplaintForm({ formToken, locale }: { formToken: string; locale: Locale }) {
  const t = useTranslations("complain");
  const format = useFormatter();
  const trpc = useTRPC();
  const submit = useMutation(trpc.complaints.submitPublic.mutationOptions({ retry: false }));
  // The procedure's own schema, checked in the browser first; its messages are the codes below. The signed start
  // time and the language travel with the form unseen.
  const form = useForm<z.input<typeof publicComplaintInput>, unknown, z.output<typeof publicComplaintInput>>({
    resolver: zodResolver(publicComplaintInput),
    defaultValues: {
      name: "",
      email: "",
      company: "",
      category: "product_quality",
      description: "",
      customerRequest: "",
      website: "",
      formToken,
      locale,
    },
  });

  const error = submit.error;
  const fieldErrors = error?.data?.fieldErrors ?? {};
  const fieldError = (name: keyof z.input<typeof publicComplaintInput>) => {
    const code = form.formState.errors[name]?.message ?? fieldErrors[name]?.[0];
    return code && FIELD_CODES.includes(code) ? t(`errors.${code as ErrorCode}`) : undefined;
  };
  let formError: string | null = null;
  if (error) {
    const formCode = fieldErrors.form?.[0];
    if (error.data?.code === "TOO_MANY_REQUESTS") formError = t("errors.tooMany");
    else if (formCode === "spam" || formCode === "expired" || formCode === "used")
      formError = t(`errors.${formCode}`);
    else if (Object.keys(fieldErrors).length === 0) formError = t("errors.general");
  }

  const onSubmit = form.handleSubmit((values) => submit.mutate(values));

  if (submit.isSuccess) {
    const r = submit.data;
    return (
      <div className="space-y-4" role="status">
        <h2 className="text-lg font-semibold text-emerald-800">{t("success.title")}</h2>
        <div>
          <p className="text-sm text-slate-500">{t("success.reference")}</p>
          <p className="font-mono text-2xl font-semibold tracking-wider" data-testid="complaint-reference">
            {r.reference}
          </p>
          <p className="mt-1 text-sm text-slate-500">{t("success.keep")}</p>
        </div>
        <p className="text-sm">
          {t("success.replyBy", {
            hours: r.acknowledgeHours,
            date: format.dateTime(new Date(r.replyBy), PROMISE_FORMAT),
          })}{" "}
          {t("success.resolveWithin", { days: r.resolveDays })}
        </p>
        <div className="flex flex-wrap gap-2">
          <Link href={`/complain/status?ref=${encodeURIComponent(r.reference)}`} className={buttonClass()}>
            {t("success.checkStatus")}
          </Link>
          {/* A full reload: a new form needs a new signed start time. */}
          <a href="/complain" className={buttonClass("secondary")}>
            {t("success.another")}
          </a>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("form.name")}
          autoComplete="name"
          required
          error={fieldError("name")}
          {...form.register("name")}
        />
        <TextField
          label={t("form.email")}
          type="email"
          autoComplete="email"
          required
          hint={t("form.emailHint")}
          error={fieldError("email")}
          {...form.register("email")}
        />
      </div>
      <TextField
        label={t("form.company")}
        autoComplete="organization"
        hint={t("form.companyHint")}
        error={fieldError("company")}
        {...form.register("company")}
      />
      <SelectField
        label={t("form.category")}
        options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        {...form.register("category")}
      />
      <TextAreaField
        label={t("form.description")}
        required
        rows={5}
        error={fieldError("description")}
        {...form.register("description")}
      />
      <TextAreaField
        label={t("form.customerRequest")}
        rows={2}
        hint={t("form.customerRequestHint")}
        error={fieldError("customerRequest")}
        {...form.register("customerRequest")}
      />
      {/* The honeypot: off screen and out of the tab order; people never see it, form-filling bots do. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label>
          {t("form.website")}
          <input type="text" tabIndex={-1} autoComplete="off" {...form.register("website")} />
        </label>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button type="submit" disabled={submit.isPending}>
          {submit.isPending ? t("form.submitting") : t("form.submit")}
        </Button>
        <Link href="/complain/status" className="text-sm text-brand-700 underline">
          {t("status.title")}
        </Link>
      </div>
    </form>
  );
}
