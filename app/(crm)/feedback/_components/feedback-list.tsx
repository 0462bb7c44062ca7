"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useDate } from "@/app/_components/report/format";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { Link } from "@/app/_components/ui/link";
import { LoadMoreButton } from "@/app/_components/ui/load-more";
import { useUrlView } from "@/app/_lib/use-url-view";
import { useTRPC } from "@/app/_trpc/client";
import { FeedbackStatusBadge, SentimentBadge } from "@/app/(crm)/_components/listening/badges";
import { useThemeLabel } from "@/app/(crm)/_components/listening/labels";
import { CUSTOMER_INTERFACES, SENTIMENTS } from "@/db/schema";
import { FEEDBACK_VIEWS, type FeedbackView } from "@/server/feedback/feedback.schemas";
import { type FeedbackListView, listInputOf, paramsFromView, viewFromParams } from "./list-params";

/** The feedback lists as tabs, with filters; everything kept in the URL, walked with "Load more". */
export function FeedbackList() {
  const t = useTranslations("feedback");
  const tCommon = useTranslations("common");
  const themeLabel = useThemeLabel();
  const trpc = useTRPC();
  const date = useDate();
  const [view, change] = useUrlView(viewFromParams, paramsFromView);
  // The search is sent with the form (Enter or the button); Back and "clear" put the box back in step.
  const [q, setQ] = useState(view.q ?? "");
  useEffect(() => setQ(view.q ?? ""), [view.q]);
  const options = useQuery(trpc.feedback.options.queryOptions());
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function onTabKey(e: KeyboardEvent, index: number) {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + FEEDBACK_VIEWS.length) % FEEDBACK_VIEWS.length;
    change({ ...view, view: FEEDBACK_VIEWS[next] as FeedbackView });
    tabs.current[next]?.focus();
  }
  function search(event: FormEvent) {
    event.preventDefault();
    change({ ...view, q: q.trim() || null });
  }

  const list = useInfiniteQuery({
    ...trpc.feedback.list.infiniteQueryOptions(listInputOf(view), {
      getNextPageParam: (page) => page.nextCursor,
    }),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = !!(view.sentiment || view.theme || view.interface || view.q);
  const now = Date.now();

  return (
    <div className="space-y-4">
      <div
        role="tablist"
        aria-label={t("list.title")}
        className="flex flex-wrap gap-1 border-b border-slate-200"
      >
        {FEEDBACK_VIEWS.map((v, i) => {
          const selected = v === view.view;
          return (
            <button
              key={v}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls="feedback-panel"
              tabIndex={selected ? 0 : -1}
              onKeyDown={(e) => onTabKey(e, i)}
              onClick={() => change({ ...view, view: v })}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
                selected
                  ? "border-brand-600 text-brand-700"
                  : "border-transparent text-slate-600 hover:text-slate-900",
              )}
            >
              {t(`list.views.${v}`)}
            </button>
          );
        })}
      </div>
      <form
        onSubmit={search}
        aria-label={t("list.filters")}
        className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      >
        <TextField
          label={t("list.search")}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="lg:col-span-2"
        />
        <SelectField
          label={t("record.sentiment")}
          value={view.sentiment ?? ""}
          onChange={(e) =>
            change({ ...view, sentiment: (e.target.value || null) as FeedbackListView["sentiment"] })
          }
          options={[
            { value: "", label: t("list.anySentiment") },
            ...SENTIMENTS.map((s) => ({ value: s, label: t(`sentiment.${s}`) })),
          ]}
        />
        <SelectField
          label={t("record.theme")}
          value={view.theme ?? ""}
          onChange={(e) => change({ ...view, theme: e.target.value || null })}
          options={[
            { value: "", label: t("list.anyTheme") },
            ...(options.data?.themes ?? []).map((th) => ({ value: th, label: themeLabel(th) })),
          ]}
        />
        <SelectField
          label={t("record.interface")}
          value={view.interface ?? ""}
          onChange={(e) =>
            change({ ...view, interface: (e.target.value || null) as FeedbackListView["interface"] })
          }
          options={[
            { value: "", label: t("list.anyInterface") },
            ...CUSTOMER_INTERFACES.map((i) => ({ value: i, label: t(`interface.${i}`) })),
          ]}
        />
        <div className="flex items-end gap-2 lg:col-span-5">
          <Button type="submit" size="sm">
            {tCommon("actions.search")}
          </Button>
          {filtered ? (
            <Button
              size="sm"
              variant="ghost"
              onClick={() => {
                setQ("");
                change({ view: view.view, sentiment: null, theme: null, interface: null, q: null });
              }}
            >
              {t("list.clear")}
            </Button>
          ) : null}
        </div>
      </form>
      <div id="feedback-panel" role="tabpanel" aria-busy={list.isFetching}>
        {list.isPending ? (
          <Spinner label={tCommon("states.loading")} />
        ) : list.isError ? (
          <Alert>{tCommon("states.error")}</Alert>
        ) : items.length === 0 ? (
          <EmptyState
            title={
              filtered
                ? t("list.emptyFiltered")
                : view.view === "all"
                  ? t("list.empty")
                  : t("list.emptyWaiting")
            }
          />
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {items.map((f) => (
              <li key={f.id} className="px-4 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <SentimentBadge sentiment={f.sentiment} />
                  <span className="font-medium text-slate-700">{themeLabel(f.theme)}</span>
                  <FeedbackStatusBadge status={f.status} />
                  <Link href={`/accounts/${f.accountId}`} className="text-brand-700 hover:underline">
                    {f.accountName}
                  </Link>
                  {f.status === "open" && f.actionDueAt ? (
                    <span
                      className={cn(
                        "ml-auto text-xs",
                        f.actionDueAt < now ? "font-semibold text-red-700" : "text-slate-500",
                      )}
                    >
                      {t("list.owner")}: {f.actionOwnerName ?? "—"} · {t("list.due")} {date(f.actionDueAt)}
                      {f.actionDueAt < now ? ` (${t("list.overdue")})` : ""}
                    </span>
                  ) : null}
                </div>
                <Link
                  href={`/feedback/items/${f.id}`}
                  className="mt-1 block break-words text-slate-900 hover:underline"
                >
                  “{f.words}”
                </Link>
                <p className="mt-0.5 text-xs text-slate-500">
                  {f.contactName ? `${f.contactName} · ` : ""}
                  {t("item.via", {
                    channel: t(`channel.${f.channel}`),
                    interface: t(`interface.${f.interface}`),
                    date: date(f.receivedAt),
                  })}{" "}
                  · {t("item.recordedBy", { name: f.recordedByName })}
                </p>
              </li>
            ))}
          </ul>
        )}
        {list.hasNextPage ? (
          <div className="mt-3">
            <LoadMoreButton query={list} label={t("list.loadMore")} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
