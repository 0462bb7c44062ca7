// Calendar rules for follow-ups. Pure (no db, no React). The app shows dates in UTC (i18n/request.ts),
// so "today" is the UTC day too; a due date picked in a form means the end of that UTC day.
import { DAY_MS } from "./activities.schemas";

/** Start of the UTC day containing `ms`. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/** First instant of the next UTC day: tasks due before it (and not overdue) are due today. */
export function startOfNextUtcDay(now: number): number {
  return startOfUtcDay(now) + DAY_MS;
}

/** Last millisecond of the UTC day containing `ms`: what a due date chosen as a day is stored as. */
export function endOfUtcDay(ms: number): number {
  return startOfUtcDay(ms) + DAY_MS - 1;
}

export function isOverdue(dueAt: number, now: number): boolean {
  return dueAt < now;
}

/** Calendar days from the due day to today; 0 when not overdue or when it fell due earlier today. */
export function daysOverdue(dueAt: number, now: number): number {
  if (!isOverdue(dueAt, now)) return 0;
  return (startOfUtcDay(now) - startOfUtcDay(dueAt)) / DAY_MS;
}
