"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { useTRPC } from "@/app/_trpc/client";
import { useTitle } from "@/app/(crm)/_components/system-text";
import type { Rung } from "@/db/schema/accounts";
import type { FollowUp, FollowUpsPage } from "../../_components/activity/types";
import { TickNotice, useTaskTicking } from "../../_components/activity/use-task-ticking";
import { FOLLOW_UPS_PAGE_SIZE } from "./page-size";

const rungTones: Record<Rung, BadgeTone> = {
  suspect: "slate",
  prospect: "blue",
  disqualified: "red",
  first_time: "teal",
  repeat: "teal",
  client: "green",
  member: "violet",
  advocate: "amber",
  partner: "amber",
};

function StatTiles({ counts }: { counts: FollowUpsPage["counts"] }) {
  const t = useTranslations("activities.followUps");
  const neutral = "border-slate-200 bg-white text-slate-800";
  const tiles = [
    {
      key: "overdue",
      value: counts.overdue,
      tone: counts.overdue > 0 ? "border-red-200 bg-red-50 text-red-800" : neutral,
    },
    {
      key: "dueToday",
      value: counts.dueToday,
      tone: counts.dueToday > 0 ? "border-amber-200 bg-amber-50 text-amber-900" : neutral,
    },
    { key: "upcoming", value: counts.upcoming, tone: neutral },
  ] as const;
  return (
    <dl aria-label={t("stats")} className="mb-5 grid grid-cols-3 gap-3 sm:max-w-xl">
      {tiles.map((tile) => (
        <div key={tile.key} className={cn("rounded-lg border px-4 py-3 shadow-xs", tile.tone)}>
          <dt className="text-xs font-medium">{t(tile.key)}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DueCell({ task }: { task: FollowUp }) {
  const t = useTranslations("activities.followUps");
  const format = useFormatter();
  const date = format.dateTime(task.dueAt, { dateStyle: "medium" });
  if (task.overdue) {
    return (
      <div className="text-red-700">
        <div className="font-medium">{date}</div>
        <div className="text-xs">{t("daysOverdue", { count: task.daysOverdue })}</div>
      </div>
    );
  }
  if (task.dueToday) {
    return (
      <div className="text-amber-800">
        <div className="font-medium">{date}</div>
        <div className="text-xs">{t("today")}</div>
      </div>
    );
  }
  return <div className="text-slate-700">{date}</div>;
}

function Row({ task, ticking }: { task: FollowUp; ticking: ReturnType<typeof useTaskTicking> }) {
  const tRung = useTranslations("enums.rung");
  const title = useTitle();
  const pending = ticking.isPending(task.id);
  const titleId = `follow-up-${task.id}-title`;
  return (
    <tr className={cn("align-top", task.overdue && "bg-red-50/40", pending && "opacity-60")}>
      <td className="w-12 px-3 py-2.5">
        <input
          type="checkbox"
          aria-labelledby={titleId}
          className="mt-0.5 h-4 w-4 accent-brand-600"
          checked={pending}
          disabled={pending}
          onChange={() => ticking.setDone(task, true)}
        />
      </td>
      <td className="whitespace-nowrap px-3 py-2.5">
        <DueCell task={task} />
      </td>
      <td className="max-w-md px-3 py-2.5">
        <span id={titleId} className={cn("block break-words text-slate-900", pending && "line-through")}>
          {title(task)}
        </span>
      </td>
      <td className="max-w-xs px-3 py-2.5">
        <Link
          href={`/accounts/${task.account.id}`}
          className="block truncate font-medium text-brand-700 hover:underline"
          title={task.account.name}
        >
          {task.account.name}
        </Link>
      </td>
      <td className="px-3 py-2.5">
        <Badge tone={rungTones[task.account.rung]}>{tRung(task.account.rung)}</Badge>
      </td>
    </tr>
  );
}

export function FollowUpsList() {
  const t = useTranslations("activities.followUps");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const ticking = useTaskTicking();
  const list = useInfiniteQuery(
    trpc.tasks.myFollowUps.infiniteQueryOptions(
      { limit: FOLLOW_UPS_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );

  if (list.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (list.isError) {
    return (
      <Alert>
        {tCommon("states.error")}{" "}
        <button type="button" className="underline" onClick={() => list.refetch()}>
          {tCommon("actions.retry")}
        </button>
      </Alert>
    );
  }

  const counts = list.data.pages[0]?.counts ?? { overdue: 0, dueToday: 0, upcoming: 0 };
  const total = counts.overdue + counts.dueToday + counts.upcoming;
  const items = list.data.pages.flatMap((page) => page.items);

  return (
    <div className="space-y-4">
      <StatTiles counts={counts} />
      <TickNotice
        notice={ticking.notice}
        error={ticking.error}
        onUndo={(task) => ticking.setDone(task, false)}
      />
      {items.length === 0 ? (
        <EmptyState title={t("caughtUp")} body={t("caughtUpBody")} />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{t("table")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t("colDone")}</span>
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("colDue")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("colTask")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("colAccount")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("colRung")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((task) => (
                <Row key={task.id} task={task} ticking={ticking} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items.length > 0 ? (
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-500">
          <span>{t("showing", { shown: items.length, total })}</span>
          {list.hasNextPage ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={list.isFetchingNextPage}
              onClick={() => list.fetchNextPage()}
            >
              {list.isFetchingNextPage ? tCommon("states.loading") : t("loadMore")}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
