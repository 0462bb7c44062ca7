// CSV exports of the work lists (issue #10 §4): my follow-ups, win-back, overdue contacts and the levels
// (practised vs recommended) list. Pages come from the lists' own procedures, so an account manager's file
// holds what their list holds (their own follow-ups; overdue only for their own accounts) and the owner and
// status filters mean what they mean on screen.
import { createTranslator } from "next-intl";
import type { Locale } from "@/db/schema";
import { parseParams, type SystemTextParams } from "@/lib/system-text";
import enSystem from "@/messages/en/system.json";
import zhSystem from "@/messages/zh/system.json";
import { type Caller, EXPORT_PAGE, isoDate, type ListExport, units } from "./list-export";

type RowOf<P extends (...args: never[]) => Promise<{ items: readonly unknown[] }>> = Awaited<
  ReturnType<P>
>["items"][number];

const translators = {
  en: createTranslator({ locale: "en", messages: { system: enSystem }, namespace: "system" }),
  zh: createTranslator({ locale: "zh", messages: { system: zhSystem }, namespace: "system" }),
} as unknown as Record<Locale, { has(key: string): boolean; (key: string, p?: SystemTextParams): string }>;

/** A task title in the reader's language: a system-written one from the catalog, one a person typed as typed. */
function titleIn(
  locale: Locale,
  row: { title: string; titleKey: string | null; titleParams: string | null },
) {
  const t = translators[locale] ?? translators.en;
  return row.titleKey && t.has(row.titleKey) ? t(row.titleKey, parseParams(row.titleParams)) : row.title;
}

type FollowUpRow = RowOf<Caller["tasks"]["myFollowUps"]>;

export const followUpsExport: ListExport<Record<string, never>, FollowUpRow> = {
  file: "follow-ups",
  page: (ctx, _input, cursor) =>
    ctx.caller.tasks.myFollowUps({
      cursor: cursor as { dueAt: number; id: number } | null,
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "Task", zh: "任务", cell: (f, locale) => titleIn(locale, f) },
    { en: "Account", zh: "客户", cell: (f) => f.account.name },
    { en: "Rung", zh: "阶梯", cell: (f) => f.account.rung },
    { en: "Due", zh: "到期日", cell: (f) => isoDate(f.dueAt) },
    { en: "Days overdue", zh: "逾期天数", cell: (f) => (f.overdue ? f.daysOverdue : 0) },
  ],
};

/** "all", a user id, or omitted (account managers: their own). */
type OwnerInput = { ownerId?: string };

type WinbackRow = RowOf<Caller["winback"]["list"]>;

export const winbackExport: ListExport<OwnerInput & { status?: "lapsed" | "lost" }, WinbackRow> = {
  file: "win-back",
  page: (ctx, input, cursor) =>
    ctx.caller.winback.list({
      ...input,
      cursor: cursor as { revenue: number; margin: number; id: number } | null,
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "Account", zh: "客户", cell: (a) => a.name },
    { en: "Status", zh: "状态", cell: (a) => a.status },
    { en: "Rung", zh: "阶梯", cell: (a) => a.rung },
    { en: "Lost reason", zh: "流失原因", cell: (a) => a.lostReason },
    { en: "Last order", zh: "最近下单", cell: (a) => isoDate(a.lastOrderAt) },
    { en: "Orders", zh: "订单数", cell: (a) => a.orderCount },
    { en: "Revenue", zh: "收入", cell: (a) => units(a.revenue) },
    { en: "Margin", zh: "毛利", cell: (a) => units(a.margin) },
    { en: "Owner", zh: "负责人", cell: (a) => a.ownerName },
    { en: "Win-back started", zh: "已开始赢回", cell: (a) => (a.openWinBackTaskId ? "yes" : "no") },
  ],
};

type OverdueRow = RowOf<Caller["levels"]["overdue"]>;

export const overdueExport: ListExport<OwnerInput, OverdueRow> = {
  file: "overdue",
  page: (ctx, input, cursor) =>
    ctx.caller.levels.overdue({
      ...input,
      cursor: cursor as { name: string; id: number } | null,
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "Account", zh: "客户", cell: (a) => a.name },
    { en: "Rung", zh: "阶梯", cell: (a) => a.rung },
    { en: "Level", zh: "关系层次", cell: (a) => a.level },
    { en: "Owner", zh: "负责人", cell: (a) => a.ownerName },
    { en: "Last contact", zh: "最近联系", cell: (a) => isoDate(a.lastContactAt) },
    { en: "Task overdue since", zh: "任务逾期起始", cell: (a) => isoDate(a.overdueTaskDueAt) },
  ],
};

type MismatchRow = RowOf<Caller["levels"]["mismatches"]>;

export const levelsExport: ListExport<OwnerInput & { gap?: number }, MismatchRow> = {
  file: "levels",
  page: (ctx, input, cursor) =>
    ctx.caller.levels.mismatches({
      ...input,
      cursor: cursor as { stake: number; id: number } | null,
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "Account", zh: "客户", cell: (a) => a.name },
    { en: "Rung", zh: "阶梯", cell: (a) => a.rung },
    { en: "Status", zh: "状态", cell: (a) => a.status },
    { en: "Segment", zh: "细分市场", cell: (a) => a.segment },
    { en: "Practised level", zh: "实际关系层次", cell: (a) => a.level },
    { en: "Recommended level", zh: "建议关系层次", cell: (a) => a.recommendedLevel },
    { en: "Levels apart", zh: "相差层次", cell: (a) => a.gap },
    { en: "Yearly margin", zh: "年毛利", cell: (a) => units(a.yearlyMargin) },
    { en: "Stake", zh: "利害", cell: (a) => units(a.stake) },
    { en: "Owner", zh: "负责人", cell: (a) => a.ownerName },
  ],
};
