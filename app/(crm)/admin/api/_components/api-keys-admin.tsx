"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { useTRPC } from "@/app/_trpc/client";
import type { ApiKeyState } from "@/server/api-keys/api-keys.rules";
import { type CreatedKey, CreateKeyForm } from "./create-key-form";
import { OpenerCard } from "./opener-card";
import { SecretPanel } from "./secret-panel";

const STATE_TONE: Record<ApiKeyState, "green" | "slate" | "amber"> = {
  active: "green",
  revoked: "slate",
  expired: "amber",
};

/** API keys: the list (name, scopes, state, limit, last use), a new key (secret shown once), revoke. */
export function ApiKeysAdmin() {
  const t = useTranslations("api");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = useQuery(trpc.apiKeys.list.queryOptions({}));
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        setConfirming(null);
        await queryClient.invalidateQueries(trpc.apiKeys.list.pathFilter());
      },
    }),
  );
  const when = (ms: number | null, empty: string) =>
    ms === null ? empty : format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-4">
      <OpenerCard<CreatedKey>
        title={t("keys.title")}
        newLabel={t("keys.new")}
        made={(created, dismiss) => <SecretPanel created={created} onClose={dismiss} />}
        form={(close, done) => <CreateKeyForm onCancel={close} onCreated={done} />}
      >
        <p className="mb-3 text-sm text-slate-600">{t("keys.intro")}</p>
        {revoke.error ? <Alert>{t("errors.revokeFailed")}</Alert> : null}
        <DataTable
          variant="report"
          caption={t("keys.title")}
          pending={list.isPending}
          error={list.isError ? t("errors.loadFailed") : undefined}
          onRetry={() => void list.refetch()}
          empty={<EmptyState title={t("keys.empty")} body={t("keys.emptyBody")} />}
          rows={list.data ?? []}
          rowKey={(key) => key.id}
          columns={[
            {
              key: "name",
              header: t("keys.name"),
              rowHeader: true,
              cell: (key) => (
                <>
                  <span className="font-medium text-slate-900 break-all">{key.name}</span>
                  {key.start ? (
                    <span className="block font-mono text-xs text-slate-500">{key.start}…</span>
                  ) : null}
                </>
              ),
            },
            {
              key: "scopes",
              header: t("keys.scopes"),
              cell: (key) => key.scopes.map((s) => t(`scopes.${s}`)).join(", "),
            },
            {
              key: "state",
              header: t("keys.state"),
              cell: (key) => <Badge tone={STATE_TONE[key.state]}>{t(`states.${key.state}`)}</Badge>,
            },
            {
              key: "limit",
              header: t("keys.limit"),
              className: "whitespace-nowrap",
              cell: (key) =>
                key.requestsPerMinute === null
                  ? t("keys.noLimit")
                  : t("keys.perMinute", { count: key.requestsPerMinute }),
            },
            {
              key: "lastUsed",
              header: t("keys.lastUsed"),
              className: "whitespace-nowrap",
              cell: (key) => when(key.lastUsedAt, t("keys.neverUsed")),
            },
            {
              key: "expires",
              header: t("keys.expires"),
              className: "whitespace-nowrap",
              cell: (key) => when(key.expiresAt, t("keys.noExpiry")),
            },
            {
              key: "created",
              header: t("keys.created"),
              cell: (key) => (
                <>
                  <span className="whitespace-nowrap">{when(key.createdAt, "")}</span>
                  {key.createdByName ? (
                    <span className="block text-xs text-slate-500">
                      {t("keys.by", { name: key.createdByName })}
                    </span>
                  ) : null}
                </>
              ),
            },
            {
              key: "actions",
              header: t("keys.actions"),
              hideHeader: true,
              align: "right",
              className: "whitespace-nowrap",
              cell: (key) =>
                key.state !== "active" ? null : confirming === key.id ? (
                  <span className="inline-flex items-center gap-1">
                    <Button
                      size="sm"
                      variant="danger"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate({ id: key.id })}
                    >
                      {t("keys.confirmRevoke", { name: key.name })}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      {t("keys.keep")}
                    </Button>
                  </span>
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    aria-label={t("keys.revokeLabel", { name: key.name })}
                    onClick={() => setConfirming(key.id)}
                  >
                    {t("keys.revoke")}
                  </Button>
                ),
            },
          ]}
        />
      </OpenerCard>
    </div>
  );
}
