// Feedback from any customer interface (issue #13 §1, domain.md §6). Pure.
import type { FeedbackStatus, Sentiment } from "@/db/schema";

/** Themes feedback is grouped by (domain.md §6); the list is a setting, these are its defaults. */
export const DEFAULT_FEEDBACK_THEMES = [
  "product_quality",
  "service_attitude",
  "response_speed",
  "price",
  "innovation",
] as const;

export type FeedbackAction = "assign" | "close" | "tell" | "toComplaint" | "reopen";

/**
 * What can be done next with a piece of feedback: ask for action (an owner and a due date) while nothing is
 * asked; close it with what was done while action is open, or straight away; tell the customer once anything
 * was done about it; turn a problem into a complaint once.
 */
export function feedbackActions(f: {
  status: FeedbackStatus;
  sentiment: Sentiment;
  complaintId: number | null;
  hasEmail: boolean;
}): FeedbackAction[] {
  const out: FeedbackAction[] = [];
  if (f.status === "noted") out.push("assign", "close");
  if (f.status === "open") out.push("assign", "close");
  if (f.status === "closed") out.push("reopen");
  if (f.status === "closed" && f.hasEmail) out.push("tell");
  if (f.sentiment === "problem" && f.complaintId === null) out.push("toComplaint");
  return out;
}
