// The queue view kept in the URL (?queue=department&department=logistics), read on the server for the prefetch
// and in the browser for the tabs. Pure: no React.
import { DEPARTMENTS, type Department, type Role } from "@/db/schema";
import { QUEUES, type Queue } from "@/server/complaints/complaints.schemas";

export const QUEUE_PAGE = 25;

export type QueueView = { queue: Queue; department: Department };

import type { Params } from "@/app/_lib/search-params";

/** The queues a role sees: account managers only their own accounts'; executives read every shared queue. */
export function queuesFor(role: Role): Queue[] {
  if (role === "account_manager") return ["mine"];
  if (role === "executive") return ["department", "unassigned", "awaiting_approval", "awaiting_confirmation"];
  return [...QUEUES];
}

export function viewFromParams(params: Params, role: Role): QueueView {
  const allowed = queuesFor(role);
  const q = params.get("queue") as Queue | null;
  const d = params.get("department") as Department | null;
  return {
    queue: q && allowed.includes(q) ? q : (allowed[0] as Queue),
    department: d && DEPARTMENTS.includes(d) ? d : "customer_service",
  };
}

export function paramsFromView(view: QueueView): string {
  const qs = new URLSearchParams({ queue: view.queue });
  if (view.queue === "department") qs.set("department", view.department);
  return qs.toString();
}

export function queueInputOf(view: QueueView) {
  return {
    queue: view.queue,
    department: view.queue === "department" ? view.department : null,
    limit: QUEUE_PAGE,
  };
}

export { recordParams } from "@/app/_lib/search-params";
