"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Alert, EmptyState, Spinner } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { DataTable, paged } from "@/app/_components/ui/data-table";
import { Link } from "@/app/_components/ui/link";
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

export function FollowUpsList() {
  const t = useTranslations("activities.followUps");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const tRung = useTranslations("enums.rung");
  const title = useTitle();
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
      <DataTable
        caption={t("table")}
        empty={<EmptyState title={t("caughtUp")} body={t("caughtUpBody")} />}
        rows={items}
        rowKey={(task) => task.id}
        rowClassName={(task) =>
          cn(task.overdue && "bg-red-50/40", ticking.isPending(task.id) && "opacity-60") || undefined
        }
        loadMore={paged(list, t("loadMore")).loadMore}
        status={t("showing", { shown: items.length, total })}
        columns={[
          {
            key: "done",
            header: t("colDone"),
            hideHeader: true,
            className: "w-12",
            cell: (task) => (
              <input
                type="checkbox"
                aria-labelledby={`follow-up-${task.id}-title`}
                className="mt-0.5 h-4 w-4 accent-brand-600"
                checked={ticking.isPending(task.id)}
                disabled={ticking.isPending(task.id)}
                onChange={() => ticking.setDone(task, true)}
              />
            ),
          },
          {
            key: "due",
            header: t("colDue"),
            className: "whitespace-nowrap",
            cell: (task) => <DueCell task={task} />,
          },
          {
            key: "task",
            header: t("colTask"),
            rowHeader: true,
            className: "max-w-md",
            cell: (task) => (
              <span
                id={`follow-up-${task.id}-title`}
                className={cn(
                  "block break-words text-slate-900",
                  ticking.isPending(task.id) && "line-through",
                )}
              >
                {title(task)}
              </span>
            ),
          },
          {
            key: "account",
            header: t("colAccount"),
            className: "max-w-xs",
            cell: (task) => (
              <Link
                href={`/accounts/${task.account.id}`}
                className="block truncate font-medium text-brand-700 hover:underline"
                title={task.account.name}
              >
                {task.account.name}
              </Link>
            ),
          },
          {
            key: "rung",
            header: t("colRung"),
            cell: (task) => <Badge tone={rungTones[task.account.rung]}>{tRung(task.account.rung)}</Badge>,
          },
        ]}
      />
    </div>
  );
}
