"use client";

// Badges and the live promise clock shared by the queue, the complaint page and the account card. The clock
// state is recomputed in the browser with the same pure rule the server uses (sla.rules.ts), so "due soon"
// turns into "breached" on screen without a reload; before mounting it shows the server's state.

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { type ClockState, clock } from "@/server/complaints/sla.rules";
import type { ComplaintState } from "@/server/complaints/workflow.rules";

const STATUS_TONES: Record<ComplaintState, BadgeTone> = {
  received: "amber",
  acknowledged: "blue",
  investigating: "blue",
  remedy_proposed: "violet",
  awaiting_approval: "violet",
  approved: "teal",
  remedy_carried_out: "teal",
  awaiting_confirmation: "teal",
  closed: "green",
  closed_unconfirmed: "slate",
  reopened: "amber",
};

export function ComplaintStatusBadge({ status }: { status: string }) {
  const t = useTranslations("complaints.status");
  const s = status as ComplaintState;
  return <Badge tone={STATUS_TONES[s] ?? "slate"}>{t(s)}</Badge>;
}

const SEVERITY_TONES: Record<string, BadgeTone> = { low: "slate", medium: "amber", high: "red" };

export function SeverityBadge({ severity }: { severity: string }) {
  const t = useTranslations("complaints.severity");
  return <Badge tone={SEVERITY_TONES[severity] ?? "slate"}>{t(severity as "low")}</Badge>;
}

/** Milliseconds since the epoch, refreshed every `everyMs`; null until mounted (server and client agree). */
export function useNow(everyMs = 30_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "2 d 3 h", "4 h 10 min", "12 min". */
export function useDuration() {
  const t = useTranslations("complaints.clock");
  return (ms: number) => {
    const minutes = Math.max(0, Math.floor(Math.abs(ms) / 60_000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return t("days", { d, h });
    if (h > 0) return t("hours", { h, m });
    return t("minutes", { m });
  };
}

const CLOCK_TONES: Record<ClockState, BadgeTone> = {
  met: "green",
  on_time: "slate",
  due_soon: "amber",
  breached: "red",
};
const CLOCK_ICONS: Record<ClockState, string> = { met: "✓", on_time: "◷", due_soon: "⚠", breached: "✕" };

export type PromiseTimes = { startAt: number; dueAt: number; doneAt: number | null };

/**
 * One promise: a badge that names the state (not colour alone) and the time left or over, e.g.
 * "⚠ Due soon · due in 3 h 5 min" or "✕ Breached · overdue by 1 d 2 h".
 */
export function PromiseClock({
  times,
  serverState,
  now,
  label,
}: {
  times: PromiseTimes;
  serverState: ClockState;
  now: number | null;
  label?: string;
}) {
  const t = useTranslations("complaints.clock");
  const duration = useDuration();
  const state = now === null ? serverState : clock({ ...times, now });
  let text: string | null = null;
  // Done in time: the badge says "Kept"; done late says so beside "Breached".
  if (times.doneAt !== null) text = state === "met" ? null : t("metLate");
  else if (now !== null) {
    text =
      now > times.dueAt
        ? t("overdueBy", { time: duration(now - times.dueAt) })
        : t("dueIn", { time: duration(times.dueAt - now) });
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      {label ? <span className="text-xs text-slate-500">{label}:</span> : null}
      <Badge tone={CLOCK_TONES[state]}>
        <span aria-hidden="true" className="mr-1">
          {CLOCK_ICONS[state]}
        </span>
        {t(`state.${state}`)}
      </Badge>
      {text ? (
        <span
          className={
            state === "breached"
              ? "text-xs font-medium text-red-700"
              : state === "due_soon"
                ? "text-xs font-medium text-amber-800"
                : "text-xs text-slate-600"
          }
        >
          {text}
        </span>
      ) : null}
    </span>
  );
}

type ClockRow = {
  receivedAt: number;
  ackDueAt: number;
  resolveDueAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  clocks: { acknowledge: ClockState; resolve: ClockState };
};

/** The promise that matters next: the acknowledgement until it is made, then the resolution. */
export function NextPromiseClock({ row, now }: { row: ClockRow; now: number | null }) {
  const t = useTranslations("complaints.clock");
  const ack = row.acknowledgedAt === null && row.closedAt === null;
  return ack ? (
    <PromiseClock
      label={t("acknowledge")}
      now={now}
      serverState={row.clocks.acknowledge}
      times={{ startAt: row.receivedAt, dueAt: row.ackDueAt, doneAt: null }}
    />
  ) : (
    <PromiseClock
      label={t("resolve")}
      now={now}
      serverState={row.clocks.resolve}
      times={{ startAt: row.receivedAt, dueAt: row.resolveDueAt, doneAt: row.resolvedAt ?? row.closedAt }}
    />
  );
}

/** Translates the schema's error codes (complaints.schemas.ts) for display beside a field. */
export function useComplaintErrors() {
  const t = useTranslations("complaints.errors");
  type ServerError = {
    message: string;
    data?: { code?: string; fieldErrors?: Record<string, string[]> } | null;
  };
  return {
    field(message: string | undefined): string | undefined {
      if (!message) return undefined;
      const key = message as Parameters<typeof t>[0];
      return t.has(key) ? t(key) : message;
    },
    /**
     * A refusal for an Alert: the server's sentence for workflow refusals, never stack or SQL text. Field
     * errors on a field the form shows (`shown`) go beside that field instead.
     */
    general(error: ServerError | null | undefined, shown: readonly string[] = []): string | null {
      if (!error) return null;
      const code = error.data?.code;
      if (code === "FORBIDDEN") return error.message || t("forbidden");
      if (code === "NOT_FOUND") return t("notFound");
      if (code === "INTERNAL_SERVER_ERROR") return t("generic");
      const fields = error.data?.fieldErrors ?? {};
      const elsewhere = Object.entries(fields).filter(([f]) => !shown.includes(f));
      if (Object.keys(fields).length > 0) {
        if (elsewhere.length === 0) return null;
        const first = elsewhere[0]?.[1]?.[0] ?? "";
        const key = first as Parameters<typeof t>[0];
        return t.has(key) ? t(key) : first || t("generic");
      }
      return error.message && error.message.length < 300 ? error.message : t("generic");
    },
  };
}
