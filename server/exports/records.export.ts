// CSV exports of the deals list, each complaints queue and the audit log (issue #10 §4). Pages come from the
// lists' own procedures (deals.list, complaints.queue, audit.list), so each export has the list's filters,
// order and permissions: an account manager's deals file holds the deals they may see, a queue refuses the
// roles it refuses on screen, and the audit log is for admins only.
import type { ListDealsInput } from "../deals/deals.schemas";
import { type Caller, EXPORT_PAGE, isoDate, isoTime, type ListExport, units } from "./list-export";

type DealsInput = Pick<ListDealsInput, "ownerId" | "status" | "q">;
type DealRow = Awaited<ReturnType<Caller["deals"]["list"]>>["items"][number];

export const dealsExport: ListExport<DealsInput, DealRow> = {
  file: "deals",
  page: (ctx, input, cursor) =>
    ctx.caller.deals.list({ ...input, cursor: cursor as string | null, limit: EXPORT_PAGE }),
  columns: [
    { en: "Deal", zh: "商机", cell: (d) => d.title },
    { en: "Account", zh: "客户", cell: (d) => d.accountName },
    { en: "Owner", zh: "负责人", cell: (d) => d.ownerName },
    { en: "Stage", zh: "阶段", cell: (d) => d.stage },
    { en: "Status", zh: "状态", cell: (d) => d.status },
    { en: "Amount", zh: "金额", cell: (d) => units(d.amount) },
    { en: "Expected close", zh: "预计成交", cell: (d) => isoDate(d.expectedCloseAt) },
    { en: "Created", zh: "创建日期", cell: (d) => isoDate(d.createdAt) },
    { en: "Closed", zh: "关闭日期", cell: (d) => isoDate(d.closedAt) },
    { en: "Owner's reason", zh: "负责人给出的原因", cell: (d) => d.ownerReason },
    { en: "Reviewed", zh: "复盘日期", cell: (d) => isoDate(d.reviewedAt) },
  ],
};

type QueueInput = Parameters<Caller["complaints"]["queue"]>[0];
type ComplaintsInput = Pick<QueueInput, "queue" | "department">;
type QueueRow = Awaited<ReturnType<Caller["complaints"]["queue"]>>["items"][number];

export const complaintsExport: ListExport<ComplaintsInput, QueueRow> = {
  file: "complaints",
  page: (ctx, input, cursor) =>
    ctx.caller.complaints.queue({
      ...input,
      cursor: cursor as QueueInput["cursor"],
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "Reference", zh: "编号", cell: (c) => c.reference },
    { en: "Account", zh: "客户", cell: (c) => c.accountName },
    { en: "Category", zh: "类别", cell: (c) => c.category },
    { en: "Severity", zh: "严重程度", cell: (c) => c.severity },
    { en: "Status", zh: "状态", cell: (c) => c.status },
    { en: "Department", zh: "部门", cell: (c) => c.department },
    { en: "Handler", zh: "处理人", cell: (c) => c.handlerName },
    { en: "Received", zh: "收到时间", cell: (c) => isoTime(c.receivedAt) },
    { en: "Acknowledge by", zh: "确认时限", cell: (c) => isoTime(c.ackDueAt) },
    { en: "Resolve by", zh: "解决时限", cell: (c) => isoTime(c.resolveDueAt) },
    { en: "Acknowledged", zh: "确认时间", cell: (c) => isoTime(c.acknowledgedAt) },
    { en: "Resolved", zh: "解决时间", cell: (c) => isoTime(c.resolvedAt) },
    { en: "Closed", zh: "结案时间", cell: (c) => isoTime(c.closedAt) },
    { en: "Due", zh: "到期时间", cell: (c) => isoTime(c.dueAt) },
  ],
};

type AuditInput = { entity?: string; actorId?: string };
type AuditRow = Awaited<ReturnType<Caller["audit"]["list"]>>["items"][number];

export const auditExport: ListExport<AuditInput, AuditRow> = {
  file: "audit-log",
  page: (ctx, input, cursor) =>
    ctx.caller.audit.list({
      ...input,
      cursor: cursor as { at: number; id: number } | null,
      limit: EXPORT_PAGE,
    }),
  columns: [
    { en: "When (UTC)", zh: "时间 (UTC)", cell: (e) => isoTime(e.at) },
    { en: "Who", zh: "操作人", cell: (e) => e.actorName ?? (e.apiKeyName ? `API: ${e.apiKeyName}` : null) },
    { en: "Action", zh: "操作", cell: (e) => e.action },
    { en: "Record type", zh: "记录类型", cell: (e) => e.entity },
    { en: "Record", zh: "记录编号", cell: (e) => e.entityId },
    { en: "Changes (before, after)", zh: "变更 (之前, 之后)", cell: (e) => JSON.stringify(e.changes) },
  ],
};
