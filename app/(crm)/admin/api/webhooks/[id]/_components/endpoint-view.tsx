"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, PageHeader, Spinner } from "@/app/_components/ui/card";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { SecretPanel } from "../../../_components/secret-panel";
import { EndpointForm } from "../../_components/endpoint-form";
import { DeliveriesList } from "./deliveries-list";

/** One endpoint: edit it, rotate its secret (shown once), send a test event, its deliveries, delete it. */
export function EndpointView({ id }: { id: number }) {
  const t = useTranslations("webhooks");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const endpoint = useQuery(trpc.webhooks.get.queryOptions({ id }));
  const [saved, setSaved] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.webhooks.get.queryFilter({ id })),
      queryClient.invalidateQueries(trpc.webhooks.list.pathFilter()),
    ]);
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: async (updated) => {
        queryClient.setQueryData(trpc.webhooks.get.queryKey({ id }), updated);
        setSaved(true);
        await invalidate();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: async (result) => {
        setRotating(false);
        setSecret(result.secret);
        await invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.webhooks.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.webhooks.list.pathFilter());
        router.push("/admin/api/webhooks");
      },
    }),
  );

  if (endpoint.isPending) return <Spinner label={t("endpoints.loading")} />;
  if (endpoint.isError) return <Alert>{t("errors.loadFailed")}</Alert>;
  const e = endpoint.data;
  const serverErrors = update.error?.data?.fieldErrors ?? {};

  return (
    <div className="space-y-4">
      <PageHeader
        title={e.description ?? t("form.editTitle")}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono break-all">{e.url}</span>
            <Badge tone={e.active ? "green" : "slate"}>
              {e.active ? t("states.enabled") : t("states.disabled")}
            </Badge>
          </span>
        }
        actions={
          <Link className="text-sm font-medium text-brand-700 underline" href="/admin/api/webhooks">
            {t("page.backToList")}
          </Link>
        }
      />
      {secret ? (
        <SecretPanel
          created={{ name: e.url, secret }}
          onClose={() => setSecret(null)}
          texts={{
            title: t("secret.rotatedTitle", { url: e.url }),
            body: t("secret.body"),
            label: t("secret.label"),
          }}
        />
      ) : null}
      <DeliveriesList endpointId={id} url={e.url} active={e.active} />
      <Card title={t("form.editTitle")}>
        {saved ? (
          <div className="mb-3">
            <Alert tone="success">{t("form.saved")}</Alert>
          </div>
        ) : null}
        <EndpointForm
          key={e.updatedAt}
          label={t("form.editTitle")}
          defaultValues={{ url: e.url, description: e.description ?? "", events: e.events, active: e.active }}
          withActive
          submitLabel={t("form.save")}
          pendingLabel={t("form.saving")}
          pending={update.isPending}
          serverErrors={serverErrors}
          failed={update.isError && Object.keys(serverErrors).length === 0}
          onSubmit={(values) => {
            setSaved(false);
            update.mutate({ id, ...values });
          }}
          onEdit={() => {
            setSaved(false);
            if (update.isError) update.reset();
          }}
        />
      </Card>
      <Card title={t("secret.title")}>
        <div className="space-y-3 text-sm">
          <p className="font-mono text-slate-700">{t("secret.starts", { start: e.secretStart })}</p>
          <p className="text-slate-600">{t("secret.rotateWarning")}</p>
          {rotate.isError ? <Alert>{t("secret.rotateFailed")}</Alert> : null}
          {rotating ? (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="danger"
                size="sm"
                disabled={rotate.isPending}
                onClick={() => rotate.mutate({ id })}
              >
                {t("secret.rotateConfirm")}
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setRotating(false)}>
                {t("secret.keep")}
              </Button>
            </div>
          ) : (
            <Button variant="secondary" size="sm" onClick={() => setRotating(true)}>
              {t("secret.rotate")}
            </Button>
          )}
        </div>
      </Card>
      <Card title={t("remove.title")}>
        <div className="space-y-3 text-sm">
          <p className="text-slate-600">{t("remove.body")}</p>
          {remove.isError ? <Alert>{t("remove.failed")}</Alert> : null}
          {deleting ? (
            <div className="flex flex-wrap gap-2">
              <Button
                variant="danger"
                size="sm"
                disabled={remove.isPending}
                onClick={() => remove.mutate({ id })}
              >
                <span className="break-all">{t("remove.confirm", { url: e.url })}</span>
              </Button>
              <Button variant="ghost" size="sm" onClick={() => setDeleting(false)}>
                {t("remove.keep")}
              </Button>
            </div>
          ) : (
            <Button variant="secondary" size="sm" onClick={() => setDeleting(true)}>
              {t("remove.delete")}
            </Button>
          )}
        </div>
      </Card>
    </div>
  );
}
