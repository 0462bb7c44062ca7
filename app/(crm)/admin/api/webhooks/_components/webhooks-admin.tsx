"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/app/_components/ui/badge";
import { Card, EmptyState } from "@/app/_components/ui/card";
import { DataTable } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { OpenerCard } from "../../_components/opener-card";
import { SecretPanel } from "../../_components/secret-panel";
import { EndpointForm } from "./endpoint-form";
import { PrivateTargetsSetting } from "./private-targets-setting";

type Created = { url: string; secret: string };

/** The webhooks page: the private-address setting, a new endpoint (its secret shown once), the endpoints. */
export function WebhooksAdmin() {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhooks.list.queryOptions({}));
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.webhooks.list.pathFilter()),
    }),
  );
  const serverErrors = create.error?.data?.fieldErrors ?? {};
  const when = (ms: number | null) =>
    ms === null
      ? t("endpoints.never")
      : format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "short" });

  return (
    <div className="space-y-4">
      <OpenerCard<Created>
        title={t("endpoints.title")}
        newLabel={t("endpoints.new")}
        made={(created, dismiss) => (
          <SecretPanel
            created={{ name: created.url, secret: created.secret }}
            onClose={dismiss}
            texts={{
              title: t("secret.createdTitle", { url: created.url }),
              body: t("secret.body"),
              label: t("secret.label"),
            }}
          />
        )}
        form={(close, done) => (
          <Card title={t("form.createTitle")}>
            <p className="mb-3 text-sm text-slate-600">{t("form.intro")}</p>
            <EndpointForm
              label={t("form.createTitle")}
              defaultValues={{ url: "", description: "", events: ["account.moved"], active: true }}
              withActive={false}
              submitLabel={t("form.create")}
              pendingLabel={t("form.creating")}
              pending={create.isPending}
              serverErrors={serverErrors}
              failed={create.isError && Object.keys(serverErrors).length === 0}
              onSubmit={({ active: _active, ...values }) =>
                create.mutate(values, {
                  onSuccess: (endpoint) => done({ url: endpoint.url, secret: endpoint.secret }),
                })
              }
              onCancel={() => {
                close();
                create.reset();
              }}
              onEdit={() => {
                if (create.isError) create.reset();
              }}
            />
          </Card>
        )}
      >
        <p className="mb-3 text-sm text-slate-600">{t("endpoints.intro")}</p>
        <DataTable
          caption={t("endpoints.title")}
          variant="report"
          pending={list.isPending}
          error={list.isError ? t("endpoints.loadFailed") : undefined}
          onRetry={() => void list.refetch()}
          rows={list.data ?? []}
          rowKey={(e) => e.id}
          empty={<EmptyState title={t("endpoints.empty")} body={t("endpoints.emptyBody")} />}
          columns={[
            {
              key: "url",
              header: t("endpoints.url"),
              rowHeader: true,
              className: "max-w-[22rem]",
              cell: (e) => (
                <>
                  <span className="block font-mono text-xs break-all text-slate-900">{e.url}</span>
                  {e.description ? (
                    <span className="block text-xs text-slate-500">{e.description}</span>
                  ) : null}
                </>
              ),
            },
            {
              key: "events",
              header: t("endpoints.events"),
              className: "max-w-[18rem] text-slate-600",
              cell: (e) => (
                <span title={e.events.map((ev) => t(`events.${ev}`)).join(", ")}>
                  {e.events.length <= 2
                    ? e.events.map((ev) => t(`events.${ev}`)).join(", ")
                    : t("endpoints.eventCount", { count: e.events.length })}
                </span>
              ),
            },
            {
              key: "state",
              header: t("endpoints.state"),
              cell: (e) => (
                <Badge tone={e.active ? "green" : "slate"}>
                  {e.active ? t("states.enabled") : t("states.disabled")}
                </Badge>
              ),
            },
            { key: "pending", header: t("endpoints.pending"), align: "right", cell: (e) => e.pending },
            {
              key: "failed",
              header: t("endpoints.failed"),
              align: "right",
              cell: (e) => (
                <span className={e.failed > 0 ? "font-medium text-red-700" : undefined}>{e.failed}</span>
              ),
            },
            {
              key: "lastAttempt",
              header: t("endpoints.lastAttempt"),
              className: "whitespace-nowrap text-slate-600",
              cell: (e) => when(e.lastAttemptAt),
            },
            {
              key: "open",
              header: t("endpoints.open"),
              hideHeader: true,
              cell: (e) => (
                <Link
                  href={`/admin/api/webhooks/${e.id}`}
                  className="text-sm font-medium whitespace-nowrap text-brand-700 underline"
                  aria-label={t("endpoints.openLabel", { url: e.url })}
                >
                  {t("endpoints.open")}
                </Link>
              ),
            },
          ]}
        />
      </OpenerCard>
      <PrivateTargetsSetting />
    </div>
  );
}
