"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { FormButtons } from "@/app/_components/ui/form-buttons";
import { useTRPC } from "@/app/_trpc/client";
import { API_SCOPES } from "@/server/api-keys/api-keys.rules";
import { createApiKeyInput } from "@/server/api-keys/api-keys.schemas";

/** The server schema's message codes (api-keys.schemas.ts) that have their own sentence. */
const KNOWN_ERRORS = ["required", "tooLong", "chooseScope", "wholeDays", "atMost3650", "perMinute"] as const;

/** The form's text fields as the server's numbers: blank days means no expiry; anything else must be whole. */
const asNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));
const keyFormSchema = createApiKeyInput.extend({
  expiresInDays: z
    .string()
    .transform((text) => (text.trim() === "" ? null : asNumber(text)))
    .pipe(createApiKeyInput.shape.expiresInDays.unwrap()),
  requestsPerMinute: z.string().transform(asNumber).pipe(createApiKeyInput.shape.requestsPerMinute.unwrap()),
});
type KeyFormInput = z.input<typeof keyFormSchema>;
type KeyFormOutput = z.output<typeof keyFormSchema>;

export type CreatedKey = { name: string; secret: string };

/** The admin's "New API key" form; the server's schema decides, its field codes are shown beside each field. */
export function CreateKeyForm({
  onCreated,
  onCancel,
}: {
  onCreated: (key: CreatedKey) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("api");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<KeyFormInput, unknown, KeyFormOutput>({
    resolver: zodResolver(keyFormSchema),
    defaultValues: { name: "", scopes: ["read"], expiresInDays: "", requestsPerMinute: "600" },
  });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        onCreated({ name: key.name, secret: key.secret });
        await queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter());
      },
      // The server's refusals land on their fields, as its schema's codes.
      onError: (error) => {
        for (const [field, codes] of Object.entries(error.data?.fieldErrors ?? {})) {
          if (codes?.[0] && field in form.getValues()) {
            form.setError(field as keyof KeyFormInput, { type: "server", message: codes[0] });
          }
        }
      },
    }),
  );
  const errorFor = (field: keyof KeyFormInput) => {
    const code = form.formState.errors[field]?.message;
    if (!code) return undefined;
    return (KNOWN_ERRORS as readonly string[]).includes(code)
      ? t(`errors.${code as (typeof KNOWN_ERRORS)[number]}`)
      : t("errors.invalid");
  };
  const serverFieldErrors = Object.keys(create.error?.data?.fieldErrors ?? {}).length > 0;
  const scopeError = errorFor("scopes");
  const scopeErrorId = useId();
  return (
    <Card title={t("create.title")}>
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit((values) => create.mutate(values))}
        aria-label={t("create.title")}
      >
        <p className="text-sm text-slate-600">{t("create.intro")}</p>
        {create.error && !serverFieldErrors ? <Alert>{t("errors.failed")}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t("create.name")}
            hint={t("create.nameHint")}
            required
            maxLength={80}
            autoComplete="off"
            error={errorFor("name")}
            {...form.register("name")}
          />
          <TextField
            label={t("create.expiresInDays")}
            hint={t("create.expiresHint")}
            inputMode="numeric"
            error={errorFor("expiresInDays")}
            {...form.register("expiresInDays")}
          />
          <TextField
            label={t("create.requestsPerMinute")}
            inputMode="numeric"
            required
            error={errorFor("requestsPerMinute")}
            {...form.register("requestsPerMinute")}
          />
        </div>
        <fieldset
          aria-describedby={scopeError ? scopeErrorId : undefined}
          aria-invalid={scopeError ? true : undefined}
        >
          <legend className="text-sm font-medium text-slate-700">{t("create.scopes")}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" className="mt-0.5" value={scope} {...form.register("scopes")} />
                <span>
                  <span className="font-medium">{t(`scopes.${scope}`)}</span>
                  <span className="block text-xs text-slate-500">{t(`scopeHints.${scope}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {scopeError ? (
            <p id={scopeErrorId} role="alert" className="mt-1 text-xs text-red-600">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
        <FormButtons
          pending={create.isPending}
          submit={t("create.submit")}
          submitting={t("create.submitting")}
          onCancel={onCancel}
        />
      </form>
    </Card>
  );
}
