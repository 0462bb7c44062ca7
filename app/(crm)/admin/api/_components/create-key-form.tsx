"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { API_SCOPES, type ApiScope } from "@/server/api-keys/api-keys.rules";

/** The server schema's message codes (api-keys.schemas.ts) that have their own sentence. */
const KNOWN_ERRORS = ["required", "tooLong", "chooseScope", "wholeDays", "atMost3650", "perMinute"] as const;

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
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(["read"]);
  const [days, setDays] = useState("");
  const [perMinute, setPerMinute] = useState("600");
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async (key) => {
        onCreated({ name: key.name, secret: key.secret });
        await queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter());
      },
    }),
  );
  const errors = create.error?.data?.fieldErrors ?? {};
  const errorFor = (field: string) => {
    const code = errors[field]?.[0];
    if (!code) return undefined;
    return (KNOWN_ERRORS as readonly string[]).includes(code)
      ? t(`errors.${code as (typeof KNOWN_ERRORS)[number]}`)
      : t("errors.invalid");
  };
  const toNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text.trim()));

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({
      name,
      scopes,
      expiresInDays: days.trim() === "" ? null : toNumber(days),
      requestsPerMinute: toNumber(perMinute),
    });
  }

  const scopeError = errorFor("scopes");
  return (
    <Card title={t("create.title")}>
      <form noValidate className="space-y-4" onSubmit={submit} aria-label={t("create.title")}>
        <p className="text-sm text-slate-600">{t("create.intro")}</p>
        {create.error && Object.keys(errors).length === 0 ? <Alert>{t("errors.failed")}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label={t("create.name")}
            hint={t("create.nameHint")}
            required
            maxLength={80}
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errorFor("name")}
          />
          <TextField
            label={t("create.expiresInDays")}
            hint={t("create.expiresHint")}
            inputMode="numeric"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={errorFor("expiresInDays")}
          />
          <TextField
            label={t("create.requestsPerMinute")}
            inputMode="numeric"
            required
            value={perMinute}
            onChange={(e) => setPerMinute(e.target.value)}
            error={errorFor("requestsPerMinute")}
          />
        </div>
        <fieldset aria-describedby={scopeError ? "api-scope-error" : undefined}>
          <legend className="text-sm font-medium text-slate-700">{t("create.scopes")}</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2">
            {API_SCOPES.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={scopes.includes(scope)}
                  onChange={(e) =>
                    setScopes((list) =>
                      e.target.checked ? [...list, scope] : list.filter((s) => s !== scope),
                    )
                  }
                />
                <span>
                  <span className="font-medium">{t(`scopes.${scope}`)}</span>
                  <span className="block text-xs text-slate-500">{t(`scopeHints.${scope}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {scopeError ? (
            <p id="api-scope-error" role="alert" className="mt-1 text-xs text-red-600">
              {scopeError}
            </p>
          ) : null}
        </fieldset>
        <div className="flex gap-2">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t("create.submitting") : t("create.submit")}
          </Button>
          <Button variant="ghost" onClick={onCancel} disabled={create.isPending}>
            {tc("actions.cancel")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
