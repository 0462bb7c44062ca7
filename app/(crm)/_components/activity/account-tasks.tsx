"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { cn } from "@/app/_components/ui/cn";
import { useTRPC } from "@/app/_trpc/client";
import { useTitle } from "@/app/(crm)/_components/system-text";
import { AddTaskForm } from "./add-task-form";
import type { AccountTask } from "./types";
import { TickNotice, useTaskTicking } from "./use-task-ticking";

const DAY_MS = 86_400_000;
const sameUtcDay = (a: number, b: number) => Math.floor(a / DAY_MS) === Math.floor(b / DAY_MS);

type Ticking = ReturnType<typeof useTaskTicking>;

function TaskRow({ task, canWrite, ticking }: { task: AccountTask; canWrite: boolean; ticking: Ticking }) {
  const t = useTranslations("activities.tasks");
  const title = useTitle();
  const format = useFormatter();
  const id = useId();
  const done = task.doneAt !== null;
  const pending = ticking.isPending(task.id);
  const now = Date.now();
  const overdue = !done && task.dueAt < now;
  const dueToday = !done && !overdue && sameUtcDay(task.dueAt, now);
  const date = (ms: number) => format.dateTime(ms, { dateStyle: "medium" });
  return (
    <li className={cn("flex items-start gap-3 py-2.5", overdue && "-mx-2 rounded-md bg-red-50/60 px-2")}>
      <input
        id={id}
        type="checkbox"
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-300 accent-brand-600"
        checked={pending ? !done : done}
        disabled={!canWrite || pending}
        onChange={(e) => ticking.setDone(task, e.target.checked)}
      />
      <div className="min-w-0 flex-1">
        <label
          htmlFor={id}
          className={cn("block break-words text-sm", done ? "text-slate-500 line-through" : "text-slate-900")}
        >
          {title(task)}
        </label>
        <p className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
          {done && task.doneAt !== null ? (
            <span>{t("doneOn", { date: date(task.doneAt) })}</span>
          ) : (
            <span className={cn(overdue && "font-medium text-red-700")}>
              {t("dueOn", { date: date(task.dueAt) })}
            </span>
          )}
          {overdue ? <Badge tone="red">{t("overdue")}</Badge> : null}
          {dueToday ? <Badge tone="amber">{t("dueToday")}</Badge> : null}
          <span aria-hidden="true">·</span>
          <span>{t("assignedTo", { name: task.assigneeName })}</span>
        </p>
      </div>
    </li>
  );
}

/** The account page's "Tasks" card: add form (when allowed), open tasks to tick off, done ones on request. */
export function AccountTasks({ accountId, canWrite }: { accountId: number; canWrite: boolean }) {
  const t = useTranslations("activities.tasks");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [includeDone, setIncludeDone] = useState(false);
  const list = useQuery({
    ...trpc.tasks.listForAccount.queryOptions({ accountId, includeDone }),
    placeholderData: (previous) => previous,
  });
  const ticking = useTaskTicking();
  const items = list.data?.items ?? [];
  const open = items.filter((task) => task.doneAt === null);
  const done = includeDone ? items.filter((task) => task.doneAt !== null) : [];

  return (
    <Card
      title={t("title")}
      actions={
        <label className="flex items-center gap-1.5 text-xs text-slate-600">
          <input
            type="checkbox"
            className="h-3.5 w-3.5 accent-brand-600"
            checked={includeDone}
            onChange={(e) => setIncludeDone(e.target.checked)}
          />
          {t("showDone")}
        </label>
      }
    >
      {canWrite ? (
        <div className="mb-4 border-b border-slate-100 pb-4">
          <AddTaskForm
            accountId={accountId}
            onAdded={() =>
              queryClient.invalidateQueries(trpc.tasks.listForAccount.queryFilter({ accountId }))
            }
          />
        </div>
      ) : null}
      <div className="space-y-3">
        <TickNotice
          notice={ticking.notice}
          error={ticking.error}
          onUndo={(task) => ticking.setDone(task, false)}
        />
        {list.isPending ? (
          <Spinner label={tCommon("states.loading")} />
        ) : list.isError ? (
          <Alert>
            {t("loadError")}{" "}
            <button type="button" className="underline" onClick={() => list.refetch()}>
              {tCommon("actions.retry")}
            </button>
          </Alert>
        ) : (
          <>
            <section aria-label={t("openTasks")}>
              {open.length === 0 ? (
                <div className="rounded-md border border-dashed border-slate-300 px-4 py-5 text-center">
                  <p className="text-sm font-medium text-slate-700">{t("empty")}</p>
                  <p className="mt-1 text-sm text-slate-500">
                    {canWrite ? t("emptyBody") : t("emptyReadOnly")}
                  </p>
                </div>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {open.map((task) => (
                    <TaskRow key={task.id} task={task} canWrite={canWrite} ticking={ticking} />
                  ))}
                </ul>
              )}
            </section>
            {done.length > 0 ? (
              <section aria-label={t("doneTasks")}>
                <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {t("doneTasks")}
                </h3>
                <ul className="divide-y divide-slate-100">
                  {done.map((task) => (
                    <TaskRow key={task.id} task={task} canWrite={canWrite} ticking={ticking} />
                  ))}
                </ul>
              </section>
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
