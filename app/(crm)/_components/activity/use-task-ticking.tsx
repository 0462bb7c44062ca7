"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { useTitle } from "@/app/(crm)/_components/system-text";
import { useErrorText } from "./form-errors";

type TaskRef = { id: number; title: string; titleKey?: string | null; titleParams?: string | null };
type Notice = { task: TaskRef; done: boolean };

/**
 * Ticks tasks off / reopens them, refreshes every task list (account cards and My follow-ups), and keeps a
 * notice with Undo: the ticked row leaves the open list, so the notice is where keyboard focus goes.
 */
export function useTaskTicking() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.tasks.setDone.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.tasks.listForAccount.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.myFollowUps.pathFilter()),
        ]),
    }),
  );

  async function setDone(task: TaskRef, done: boolean) {
    setPending((s) => new Set(s).add(task.id));
    setError(null);
    try {
      await mutation.mutateAsync({ id: task.id, done });
      setNotice({ task, done });
    } catch (e) {
      setError(errorText.general(e as Parameters<typeof errorText.general>[0]));
    } finally {
      setPending((s) => {
        const next = new Set(s);
        next.delete(task.id);
        return next;
      });
    }
  }

  return {
    setDone,
    isPending: (id: number) => pending.has(id),
    notice,
    error,
    dismiss: () => setNotice(null),
  };
}

export function TickNotice({
  notice,
  error,
  onUndo,
}: {
  notice: Notice | null;
  error: string | null;
  onUndo: (task: TaskRef, done: boolean) => void;
}) {
  const t = useTranslations("activities.tasks");
  const title = useTitle();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (error) return <Alert>{error}</Alert>;
  if (!notice) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      className="flex items-center justify-between gap-3 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
    >
      <span className="min-w-0 truncate">
        {notice.done
          ? t("tickedOff", { title: title(notice.task) })
          : t("reopened", { title: title(notice.task) })}
      </span>
      {notice.done ? (
        <button
          type="button"
          className="shrink-0 rounded px-1.5 font-medium underline hover:bg-emerald-100"
          onClick={() => onUndo(notice.task, false)}
        >
          {t("undo")}
        </button>
      ) : null}
    </div>
  );
}
