"use client";

import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, EmptyState } from "@/app/_components/ui/card";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { DELIVERY_STATUSES, type DeliveryStatus } from "@/db/schema";
import { DELIVERIES_PAGE } from "./page-size";

const TONE: Record<DeliveryStatus, BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };
type Notice = { tone: "success" | "error"; text: string } | null;

/** An endpoint's deliveries, newest first: status, attempts, next attempt, the last answer, resend; a test event. */
export function DeliveriesList({
  endpointId,
  url,
  active,
}: {
  endpointId: number;
  url: string;
  active: boolean;
}) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [notice, setNotice] = useState<Notice>(null);
  const list = useInfiniteQuery(
    trpc.webhooks.deliveries.infiniteQueryOptions(
      { endpointId, status: status || null, limit: DELIVERIES_PAGE },
      {
        getNextPageParam: (p) => p.nextCursor,
        // While something is about to be sent (queued, resent, a retry due within seconds), the list follows it.
        refetchInterval: (q) =>
          active &&
          q.state.data?.pages.some((p) =>
            p.items.some((d) => d.status === "pending" && (d.nextAttemptAt ?? 0) < Date.now() + 10_000),
          )
            ? 2_000
            : false,
      },
    ),
  );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.webhooks.deliveries.pathFilter()),
      queryClient.invalidateQueries(trpc.webhooks.list.pathFilter()),
    ]);
  const resend = useMutation(
    trpc.webhooks.resend.mutationOptions({
      onSuccess: async () => {
        setNotice({ tone: "success", text: t("deliveries.resent") });
        await refresh();
      },
      onError: () => setNotice({ tone: "error", text: t("deliveries.resendFailed") }),
    }),
  );
  const test = useMutation(
    trpc.webhooks.sendTest.mutationOptions({
      onSuccess: async () => {
        setNotice({ tone: "success", text: t("deliveries.testQueued") });
        await refresh();
      },
      onError: (error) =>
        setNotice({
          tone: "error",
          text:
            error.data?.code === "PRECONDITION_FAILED"
              ? t("deliveries.testDisabled")
              : t("deliveries.testFailed"),
        }),
    }),
  );
  const when = (ms: number | null) =>
    ms === null
      ? t("deliveries.none")
      : format.dateTime(new Date(ms), { dateStyle: "medium", timeStyle: "medium" });

  return (
    <Card
      title={t("deliveries.title")}
      actions={
        <Button
          size="sm"
          variant="secondary"
          disabled={!active || test.isPending}
          aria-describedby={active ? undefined : "webhook-test-disabled"}
          onClick={() => {
            setNotice(null);
            test.mutate({ id: endpointId });
          }}
        >
          {test.isPending ? t("deliveries.sending") : t("deliveries.sendTest")}
        </Button>
      }
    >
      <div className="space-y-3">
        {active ? null : (
          <p id="webhook-test-disabled" className="text-xs text-slate-500">
            {t("deliveries.testDisabled")}
          </p>
        )}
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label={t("deliveries.status")}
            className="w-44"
            value={status}
            onChange={(e) => setStatus(e.target.value as DeliveryStatus | "")}
            options={[
              { value: "", label: t("deliveries.allStatuses") },
              ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`deliveryStates.${s}`) })),
            ]}
          />
          <Button variant="ghost" size="sm" onClick={() => void refresh()}>
            {t("deliveries.refresh")}
          </Button>
        </div>
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <DataTable
          caption={t("deliveries.caption", { url })}
          variant="report"
          {...paged(list, t("deliveries.loadMore"))}
          busy={list.isFetching && !list.isFetchingNextPage}
          status={items.length > 0 ? t("deliveries.shown", { count: items.length }) : undefined}
          rows={items}
          rowKey={(d) => d.id}
          empty={
            status ? (
              <EmptyState title={t("deliveries.emptyFiltered")} />
            ) : (
              <EmptyState title={t("deliveries.empty")} body={t("deliveries.emptyBody")} />
            )
          }
          columns={[
            {
              key: "created",
              header: t("deliveries.created"),
              rowHeader: true,
              className: "whitespace-nowrap",
              cell: (d) => when(d.createdAt),
            },
            {
              key: "event",
              header: t("deliveries.event"),
              cell: (d) => (
                <>
                  {t(`events.${d.event}`)}
                  <span className="block font-mono text-xs text-slate-500">{d.event}</span>
                </>
              ),
            },
            {
              key: "status",
              header: t("deliveries.status"),
              cell: (d) => <Badge tone={TONE[d.status]}>{t(`deliveryStates.${d.status}`)}</Badge>,
            },
            { key: "attempts", header: t("deliveries.attempts"), align: "right", cell: (d) => d.attempts },
            {
              key: "next",
              header: t("deliveries.nextAttempt"),
              className: "whitespace-nowrap text-slate-600",
              cell: (d) => (d.status === "pending" ? when(d.nextAttemptAt) : t("deliveries.none")),
            },
            {
              key: "response",
              header: t("deliveries.lastResponse"),
              className: "max-w-[20rem]",
              cell: (d) =>
                d.lastAttemptAt === null ? (
                  t("deliveries.none")
                ) : (
                  <>
                    <span className="font-medium">{d.lastStatus ?? t("deliveries.noAnswer")}</span>{" "}
                    <span className="text-xs text-slate-500">{when(d.lastAttemptAt)}</span>
                    {d.lastResponse ? (
                      <span
                        className="block truncate font-mono text-xs text-slate-600"
                        title={d.lastResponse}
                      >
                        {d.lastResponse.slice(0, 200)}
                      </span>
                    ) : null}
                  </>
                ),
            },
            {
              key: "actions",
              header: t("deliveries.actions"),
              hideHeader: true,
              cell: (d) => (
                <div className="flex flex-col items-start gap-1">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={resend.isPending}
                    aria-label={t("deliveries.resendLabel", {
                      event: t(`events.${d.event}`),
                      time: when(d.createdAt),
                    })}
                    onClick={() => {
                      setNotice(null);
                      resend.mutate({ id: d.id });
                    }}
                  >
                    {t("deliveries.resend")}
                  </Button>
                  <details className="text-xs">
                    <summary className="cursor-pointer text-brand-700 underline">
                      {t("deliveries.showPayload")}
                    </summary>
                    <pre className="mt-1 max-h-60 max-w-[24rem] overflow-auto rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap break-all text-slate-700">
                      {JSON.stringify(JSON.parse(d.payload), null, 2)}
                    </pre>
                  </details>
                </div>
              ),
            },
          ]}
        />
      </div>
    </Card>
  );
}
