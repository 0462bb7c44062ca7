// Who may do what (issue #2's role table). Pure: used by procedure builders and by query WHERE clauses.
import type { Role } from "@/db/schema";

export type Actor = { id: string; role: Role };

/** Roles that may read and edit every account, contact and order, and reassign owners. */
export const ACCOUNT_EDITORS_ALL: readonly Role[] = ["sales_lead", "admin"];
/** Roles that may create accounts. Account managers create accounts they own. */
export const ACCOUNT_CREATORS: readonly Role[] = ["account_manager", "sales_lead", "admin"];
/** Roles that may log activities (account managers only on their own accounts). */
export const ACTIVITY_LOGGERS: readonly Role[] = ["account_manager", "sales_lead", "service_agent", "admin"];
/** Roles that may create and tick off tasks (account managers only on their own accounts). */
export const TASK_WRITERS: readonly Role[] = ["account_manager", "sales_lead", "admin"];
/** Roles that see the executive view (lifetime value, service what-if). */
export const EXECUTIVE_VIEWERS: readonly Role[] = ["executive", "sales_lead", "admin"];
/** Roles that own, open and close deals (account managers only their own). */
export const DEAL_WRITERS: readonly Role[] = ["account_manager", "sales_lead", "admin"];
/** Roles that read the win/loss dashboard. */
export const WIN_LOSS_VIEWERS: readonly Role[] = ["sales_lead", "executive", "admin"];
/** Roles that work the review queue (who may actually review a deal is the reviewPolicy setting). */
export const REVIEW_QUEUE_ROLES: readonly Role[] = ["sales_lead", "service_agent", "admin"];
/** Roles that work the level lists (levels, overdue contacts) and win-back; service agents handle complaints,
 * not account cadence. */
export const LEVEL_LIST_ROLES: readonly Role[] = ["account_manager", "sales_lead", "executive", "admin"];
/** Roles that may import orders: an import creates owner-less accounts across the whole book. */
export const IMPORTERS: readonly Role[] = ["sales_lead", "admin"];

export function canEditAllAccounts(actor: Actor): boolean {
  return ACCOUNT_EDITORS_ALL.includes(actor.role);
}

/** Edit an account, its contacts and orders. */
export function canEditAccount(actor: Actor, account: { ownerId: string | null }): boolean {
  if (canEditAllAccounts(actor)) return true;
  return actor.role === "account_manager" && account.ownerId === actor.id;
}

export function canLogActivity(actor: Actor, account: { ownerId: string | null }): boolean {
  if (actor.role === "service_agent") return true;
  return canEditAccount(actor, account);
}

export function canWriteTasks(actor: Actor, account: { ownerId: string | null }): boolean {
  return canEditAccount(actor, account);
}

export function canManageUsers(actor: Actor): boolean {
  return actor.role === "admin";
}

/** Roles that handle complaints: every workflow step, on every account. */
export const COMPLAINT_HANDLERS: readonly Role[] = ["service_agent", "sales_lead", "admin"];
/** Roles that may approve a remedy above the handler's limit. */
export const COMPLAINT_APPROVERS: readonly Role[] = ["sales_lead", "admin"];
/** Roles that may record a complaint (account managers only on their own accounts). */
export const COMPLAINT_RECORDERS: readonly Role[] = [...COMPLAINT_HANDLERS, "account_manager"];
/** Roles that may read complaints (account managers only their own accounts'; executives read only). */
export const COMPLAINT_READERS: readonly Role[] = [...COMPLAINT_RECORDERS, "executive"];

/** Roles that read the complaints dashboard (outcomes, repurchase, causes): not account managers. */
export const COMPLAINT_DASHBOARD_VIEWERS: readonly Role[] = [
  "service_agent",
  "sales_lead",
  "executive",
  "admin",
];

export function canHandleComplaints(actor: Actor): boolean {
  return COMPLAINT_HANDLERS.includes(actor.role);
}

export function canApproveRemedies(actor: Actor): boolean {
  return COMPLAINT_APPROVERS.includes(actor.role);
}

/** Read a complaint on this account: handlers and executives all, account managers their own accounts'. */
export function canSeeComplaint(actor: Actor, account: { ownerId: string | null }): boolean {
  if (actor.role === "account_manager") return account.ownerId === actor.id;
  return COMPLAINT_READERS.includes(actor.role);
}

/** Record a complaint, or add an internal note to one, on this account. */
export function canRecordComplaint(actor: Actor, account: { ownerId: string | null }): boolean {
  if (actor.role === "account_manager") return account.ownerId === actor.id;
  return canHandleComplaints(actor);
}

/** Roles that read the feedback dashboard (issue #13 §4): leads, executives and admins; service agents read it too. */
export const FEEDBACK_DASHBOARD_VIEWERS: readonly Role[] = [
  "sales_lead",
  "executive",
  "admin",
  "service_agent",
];
/** Roles that act on any account's feedback and surveys; account managers on their own accounts'. */
export const FEEDBACK_HANDLERS: readonly Role[] = ["service_agent", "sales_lead", "admin"];

/**
 * Act on feedback or surveys of this account (give feedback an owner, close it, tell the customer, send a
 * survey, close the loop): handlers on every account, account managers on their own, anyone on what they
 * were made the owner of. Executives read and record.
 */
export function canHandleFeedback(
  actor: Actor,
  account: { ownerId: string | null },
  assignedTo: string | null = null,
): boolean {
  if (assignedTo !== null && assignedTo === actor.id) return true;
  if (FEEDBACK_HANDLERS.includes(actor.role)) return true;
  return actor.role === "account_manager" && account.ownerId === actor.id;
}
